namespace Sensact.Pipelines.Aggregation;

/// <summary>How far one modality has come in the current window: what the evidence rule may count on.</summary>
/// <param name="UnitsExpected">Units a complete window holds (window length over unit length).</param>
/// <param name="UnitsEvidence">Units whose scores were added (encoded and valid).</param>
/// <param name="UnitsSkipped">Units skipped by the skip gate: never seen, so still unknown.</param>
/// <param name="UnitsInvalid">Units encoded with a NaN or infinite score: unknown too.</param>
/// <param name="Complete">Whether the modality's part of the window is over (no more units will come).</param>
public readonly record struct ModalityProgress(int UnitsExpected, int UnitsEvidence, int UnitsSkipped, int UnitsInvalid, bool Complete)
{
    /// <summary>
    /// Gets the fraction of the window's units whose evidence is unknown, in [0, 1]: before the window
    /// is over, every unit not yet added; once over, the skipped and invalid ones (a unit lost to a
    /// dropped frame is not counted: the window was sensed without it).
    /// </summary>
    public float UnseenFraction
    {
        get
        {
            if (UnitsExpected <= 0)
            {
                return Complete ? 0f : 1f;
            }

            var unknown = Complete ? UnitsSkipped + UnitsInvalid : UnitsExpected - UnitsEvidence;
            return Math.Clamp((float)unknown / UnitsExpected, 0f, 1f);
        }
    }
}
