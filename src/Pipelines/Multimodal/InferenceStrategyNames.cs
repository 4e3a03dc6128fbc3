namespace Sensact.Pipelines.Multimodal;

/// <summary>The strategies' names in reports and on command lines: <c>wait-for-complete</c>, <c>pipelined</c>, <c>pipelined+early-exit</c>, <c>full</c>.</summary>
public static class InferenceStrategyNames
{
    private static readonly (InferenceStrategy Strategy, string Name)[] Names =
    [
        (InferenceStrategy.WaitForComplete, "wait-for-complete"),
        (InferenceStrategy.Pipelined, "pipelined"),
        (InferenceStrategy.PipelinedEarlyExit, "pipelined+early-exit"),
        (InferenceStrategy.Full, "full"),
    ];

    /// <summary>Gets every strategy's name, in order from the plainest to everything on.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>Gets a strategy's name.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>Its name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strategy"/> is not defined.</exception>
    public static string ToName(InferenceStrategy strategy)
    {
        foreach (var (s, name) in Names)
        {
            if (s == strategy)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Not a defined strategy.");
    }

    /// <summary>Reads a strategy's name (or its enum name), ignoring case.</summary>
    /// <param name="name">The name.</param>
    /// <param name="strategy">The strategy when found.</param>
    /// <returns>Whether <paramref name="name"/> names a strategy.</returns>
    public static bool TryParse(string? name, out InferenceStrategy strategy)
    {
        foreach (var (s, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase) || string.Equals(s.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                strategy = s;
                return true;
            }
        }

        strategy = default;
        return false;
    }
}
