namespace Sensact.Devices.Replay;

/// <summary>Finds the recordings a replay plays, in the order it plays them.</summary>
internal static class ImuReplayPlaylist
{
    /// <summary>
    /// Lists the CSV files under <paramref name="path"/>: the file itself, or every <c>*.csv</c> of a
    /// data-set folder in round-robin order across its activity folders (the first file of each
    /// folder, then the second of each, ...), so that a replay shows every activity early. Folders
    /// are ordered by path and files within a folder by name (ordinal), so the order is stable.
    /// </summary>
    /// <param name="path">A CSV file or a data-set folder.</param>
    /// <returns>The files, in playing order; never empty.</returns>
    /// <exception cref="FileNotFoundException">The path does not exist, or the folder holds no CSV file.</exception>
    public static IReadOnlyList<string> Files(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException(
                $"IMU replay path '{path}' is neither a CSV file nor a folder; check the sensor's Path.", path);
        }

        var folders = Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories)
            .GroupBy(file => System.IO.Path.GetDirectoryName(file) ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(folder => folder.Key, StringComparer.Ordinal)
            .Select(folder => folder.Order(StringComparer.Ordinal).ToArray())
            .ToArray();
        if (folders.Length == 0)
        {
            throw new FileNotFoundException(
                $"IMU replay folder '{path}' holds no *.csv recording; check the sensor's Path.", path);
        }

        var total = folders.Sum(folder => folder.Length);
        var files = new List<string>(total);
        for (var round = 0; files.Count < total; round++)
        {
            files.AddRange(folders.Where(folder => round < folder.Length).Select(folder => folder[round]));
        }

        return files;
    }
}
