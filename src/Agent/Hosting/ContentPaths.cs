namespace Sensact.Agent.Hosting;

/// <summary>
/// Resolves relative paths from configuration (models, replay data): first against the current
/// directory, then against the agent's own folder, where the build and publish copy
/// <c>configs/</c>, <c>models/</c> and <c>data/</c>.
/// </summary>
internal static class ContentPaths
{
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        return Path.Combine(AppContext.BaseDirectory, path);
    }
}
