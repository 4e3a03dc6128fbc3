namespace Sensact.Pipelines.Aggregation;

/// <summary>
/// One window's incremental evidence: scores are added unit by unit, and a prediction can be asked
/// for after every unit. Called from one thread at a time; allocates nothing.
/// </summary>
public interface IWindowEvidence
{
    /// <summary>Forgets everything: the state of a window with no unit yet.</summary>
    void Reset();

    /// <summary>Adds one valid unit's scores.</summary>
    /// <param name="modality">The modality's position in the pipeline.</param>
    /// <param name="scores">The scores, one per name in its <see cref="ModalityDescriptor.Scores"/>; all finite.</param>
    void Add(int modality, ReadOnlySpan<float> scores);

    /// <summary>Predicts from what has been added, honest about the units not seen yet.</summary>
    /// <param name="progress">Each modality's progress in the window, in pipeline order.</param>
    /// <param name="probabilities">Where each label's probability goes, in <see cref="IEvidenceRule.Labels"/> order; they sum to 1.</param>
    /// <returns>The confidence of the prediction, in [0, 1] (the winning label's probability for a calibrated rule).</returns>
    float Predict(ReadOnlySpan<ModalityProgress> progress, Span<float> probabilities);

    /// <summary>
    /// Tells how sure the decision already is whatever the <paramref name="open"/> modalities would
    /// still show: the confidence of the label that wins for every outcome of theirs, or 0 when their
    /// outcome could change the label. This is what skipping a modality's remaining units risks.
    /// </summary>
    /// <param name="progress">Each modality's progress in the window, in pipeline order.</param>
    /// <param name="open">For each modality, whether its remaining units are in question.</param>
    /// <returns>The settled confidence, in [0, 1].</returns>
    float SettledConfidence(ReadOnlySpan<ModalityProgress> progress, ReadOnlySpan<bool> open);

    /// <summary>Writes one modality's features (what a skip gate decides on), <see cref="IEvidenceRule.FeatureCount"/> of them.</summary>
    /// <param name="modality">The modality's position in the pipeline.</param>
    /// <param name="progress">That modality's progress.</param>
    /// <param name="features">Where the features go.</param>
    void WriteFeatures(int modality, ModalityProgress progress, Span<float> features);
}
