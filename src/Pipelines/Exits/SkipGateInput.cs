namespace Sensact.Pipelines.Exits;

/// <summary>What a skip gate decides on, after each unit of a fast modality.</summary>
/// <remarks>A view valid only during <see cref="ISkipGate.ShouldSkip"/>.</remarks>
public readonly ref struct SkipGateInput
{
    /// <summary>Initializes a new instance of the <see cref="SkipGateInput"/> struct.</summary>
    /// <param name="fastFeatures">The fast modalities' features (<see cref="Aggregation.IEvidenceRule.FeatureCount"/> each, in pipeline order).</param>
    /// <param name="fusedConfidence">How sure the window's decision already is whatever the slow modalities would still show (<see cref="Aggregation.IWindowEvidence.SettledConfidence"/>).</param>
    /// <param name="fastUnits">Units of the fast modalities encoded in the window so far.</param>
    public SkipGateInput(ReadOnlySpan<float> fastFeatures, float fusedConfidence, int fastUnits)
    {
        FastFeatures = fastFeatures;
        FusedConfidence = fusedConfidence;
        FastUnits = fastUnits;
    }

    /// <summary>Gets the fast modalities' features, in pipeline order.</summary>
    public ReadOnlySpan<float> FastFeatures { get; }

    /// <summary>Gets how sure the window's decision already is whatever the slow modalities would still show; 0 when they could change it.</summary>
    public float FusedConfidence { get; }

    /// <summary>Gets how many units of the fast modalities were encoded in the window so far.</summary>
    public int FastUnits { get; }
}
