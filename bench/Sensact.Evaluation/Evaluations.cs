namespace Sensact.Evaluation;

/// <summary>Every evaluation the runner knows, by application name.</summary>
internal static class Evaluations
{
    public static IReadOnlyDictionary<string, IEvaluation> All { get; } =
        Array.Empty<IEvaluation>().ToDictionary(e => e.App, StringComparer.OrdinalIgnoreCase);
}
