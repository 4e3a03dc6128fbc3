namespace Sensact.Devices.Replay;

/// <summary>Finds the WAV files a replay plays, in the order it plays them, with their labels.</summary>
internal static class WavPlaylist
{
    /// <summary>Tells whether <paramref name="path"/> names a WAV file or a folder holding one.</summary>
    public static bool IsWav(string path) =>
        path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)
        || (Directory.Exists(path) && Directory.EnumerateFiles(path, "*.wav", Options).Any());

    /// <summary>
    /// Lists the files under <paramref name="path"/>: the file itself, or every <c>*.wav</c> of a
    /// folder and its sub-folders, ordered by path (ordinal), each with its label: the name of the
    /// folder it is in below <paramref name="path"/>, or <c>null</c> for a file given directly or
    /// lying in <paramref name="path"/> itself.
    /// </summary>
    /// <param name="path">A WAV file or a folder.</param>
    /// <returns>The files, in playing order; never empty.</returns>
    /// <exception cref="FileNotFoundException">The path does not exist, or the folder holds no WAV file.</exception>
    public static IReadOnlyList<(string File, string? Label)> Files(string path)
    {
        if (File.Exists(path))
        {
            return [(path, null)];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"WAV replay path '{path}' is neither a WAV file nor a folder; check the sensor's Path.", path);
        }

        var root = System.IO.Path.GetFullPath(path);
        var files = Directory.EnumerateFiles(path, "*.wav", Options)
            .Order(StringComparer.Ordinal)
            .Select(file => (file, LabelOf(root, file)))
            .ToList();
        return files.Count > 0
            ? files
            : throw new FileNotFoundException($"WAV replay folder '{path}' holds no *.wav file; check the sensor's Path.", path);
    }

    private static EnumerationOptions Options => new() { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive };

    private static string? LabelOf(string root, string file)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file));
        return folder is null || string.Equals(folder.TrimEnd(System.IO.Path.DirectorySeparatorChar), root.TrimEnd(System.IO.Path.DirectorySeparatorChar), StringComparison.Ordinal)
            ? null
            : System.IO.Path.GetFileName(folder);
    }
}
