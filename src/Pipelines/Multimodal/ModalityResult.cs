namespace Sensact.Pipelines.Multimodal;

/// <summary>What one modality did in one window, up to the decision.</summary>
/// <param name="Name">The modality's name.</param>
/// <param name="Role">Its part in skipping.</param>
/// <param name="UnitsExpected">Units a complete window holds.</param>
/// <param name="UnitsSeen">Units complete before the decision.</param>
/// <param name="UnitsEncoded">Units encoded into the decision (valid or not).</param>
/// <param name="UnitsSkipped">Units not encoded because the skip gate said so.</param>
/// <param name="UnitsInvalid">Encoded units with a NaN or infinite score, left out of the evidence.</param>
/// <param name="EncoderInvocations">Calls to the encoder for this window, audit excluded.</param>
public sealed record ModalityResult(
    string Name,
    ModalityRole Role,
    int UnitsExpected,
    int UnitsSeen,
    int UnitsEncoded,
    int UnitsSkipped,
    int UnitsInvalid,
    int EncoderInvocations);
