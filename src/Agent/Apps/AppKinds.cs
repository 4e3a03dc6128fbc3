using Sensact.Agent.Apps.Activity;
using Sensact.Agent.Apps.SpeakerWatch;
using Sensact.Agent.Apps.TrajectoryWatch;

namespace Sensact.Agent.Apps;

/// <summary>Every application kind the agent knows, by name (case-insensitive).</summary>
internal static class AppKinds
{
    public static IReadOnlyDictionary<string, IAppKind> All { get; } =
        new IAppKind[] { new ActivityKind(), new SpeakerWatchKind(), new TrajectoryWatchKind() }.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);
}
