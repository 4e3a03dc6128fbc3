namespace Sensact.Pipelines.Aggregation;

/// <summary>
/// How a window's unit scores, from every modality, become a prediction: the pluggable part of the
/// aggregation (<see cref="PresenceRule"/> is the built-in one).
/// </summary>
public interface IEvidenceRule
{
    /// <summary>Gets the labels a prediction is over, in order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Gets how many features <see cref="IWindowEvidence.WriteFeatures"/> writes per modality (a skip gate's input).</summary>
    int FeatureCount { get; }

    /// <summary>Makes the per-window state for a pipeline's modalities; the pipeline keeps a few and reuses them.</summary>
    /// <param name="modalities">The pipeline's modalities, in order.</param>
    /// <returns>A new state, as after <see cref="IWindowEvidence.Reset"/>.</returns>
    /// <exception cref="ArgumentException">The rule does not fit the modalities (a named modality or score is missing).</exception>
    IWindowEvidence CreateEvidence(IReadOnlyList<ModalityDescriptor> modalities);
}
