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

    /// <summary>
    /// Resolves a folder the agent writes (its state): <paramref name="path"/> when set (resolved as
    /// above), otherwise <paramref name="name"/> in the agent's data directory, which is systemd's
    /// <c>$STATE_DIRECTORY</c> (<c>StateDirectory=</c> in the unit) when set, or <c>state/</c> in the
    /// agent's folder.
    /// </summary>
    public static string ResolveState(string? path, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!string.IsNullOrWhiteSpace(path))
        {
            return Resolve(path);
        }

        // systemd may list several folders, separated by colons: the first is the agent's.
        var state = Environment.GetEnvironmentVariable("STATE_DIRECTORY")?.Split(':')[0];
        return string.IsNullOrEmpty(state)
            ? Path.Combine(AppContext.BaseDirectory, "state", name)
            : Path.Combine(state, name);
    }
}
