namespace Sensact.Pipelines.Multimodal;

/// <summary>A modality's part in speculative skipping.</summary>
public enum ModalityRole
{
    /// <summary>Cheap to encode: its units are always encoded and feed the skip gate.</summary>
    Fast,

    /// <summary>Costly to encode: its remaining units in a window are skipped when the gate says so.</summary>
    Slow,
}
