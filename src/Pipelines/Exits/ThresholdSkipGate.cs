namespace Sensact.Pipelines.Exits;

/// <summary>
/// Skips the slow modalities once the window's settled confidence (how sure the label is whatever
/// the slow modalities would still show) reaches a threshold after a minimum number of fast units: the fast modality alone
/// already settles the decision (with "all present", a fast modality that is sure of absence).
/// </summary>
public sealed class ThresholdSkipGate : ISkipGate
{
    /// <summary>Initializes a new instance of the <see cref="ThresholdSkipGate"/> class.</summary>
    /// <param name="threshold">The settled confidence to reach, in (0, 1].</param>
    /// <param name="minFastUnits">Fast units to encode first; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in (0, 1], or <paramref name="minFastUnits"/> is less than 1.</exception>
    public ThresholdSkipGate(float threshold, int minFastUnits = 1)
    {
        if (!(threshold is > 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The skip threshold must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minFastUnits, 1);
        Threshold = threshold;
        MinFastUnits = minFastUnits;
    }

    /// <summary>Gets the settled confidence to reach.</summary>
    public float Threshold { get; }

    /// <summary>Gets the fast units to encode first.</summary>
    public int MinFastUnits { get; }

    /// <inheritdoc />
    public bool ShouldSkip(SkipGateInput input) => input.FastUnits >= MinFastUnits && input.FusedConfidence >= Threshold;
}
