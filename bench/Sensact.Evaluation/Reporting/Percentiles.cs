using System.Text.Json.Nodes;

namespace Sensact.Evaluation.Reporting;

/// <summary>p50, p95 and p99 of a set of samples (nearest rank), as the JSON and the tables show them.</summary>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Count">How many samples there were.</param>
internal readonly record struct Percentiles(double P50, double P95, double P99, int Count)
{
    /// <summary>Computes the percentiles of <paramref name="samples"/>; all NaN when there are none.</summary>
    /// <param name="samples">The samples, in any order.</param>
    /// <returns>The percentiles.</returns>
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(double.NaN, double.NaN, double.NaN, 0)
            : new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted.Length);
    }

    /// <summary>Gets the percentiles as <c>{"p50": .., "p95": .., "p99": ..}</c>, rounded to 0.01.</summary>
    /// <returns>The JSON object.</returns>
    public JsonObject ToJson() => new()
    {
        ["p50"] = Round(P50),
        ["p95"] = Round(P95),
        ["p99"] = Round(P99),
    };

    private static double Rank(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static JsonValue? Round(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 2)) : null;
}
