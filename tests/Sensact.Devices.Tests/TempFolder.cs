namespace Sensact.Devices.Tests;

/// <summary>A folder under the temp directory for one test, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sensact-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="lines"/> to <paramref name="relativePath"/>, creating folders; returns the full path.</summary>
    public string Write(string relativePath, params string[] lines)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, lines);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
