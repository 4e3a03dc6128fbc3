using Sensact.Evaluation.SpeakerWatch;
using Sensact.Evaluation.TrajectoryWatch;

namespace Sensact.Evaluation;

/// <summary>Every evaluation the runner knows, by application name.</summary>
internal static class Evaluations
{
    public static IReadOnlyDictionary<string, IEvaluation> All { get; } =
        new IEvaluation[] { new SpeakerWatchEvaluation(), new TrajectoryWatchEvaluation() }.ToDictionary(e => e.App, StringComparer.OrdinalIgnoreCase);
}
