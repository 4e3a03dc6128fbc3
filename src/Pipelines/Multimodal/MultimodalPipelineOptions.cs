using Sensact.Pipelines.Units;
using static System.FormattableString;

namespace Sensact.Pipelines.Multimodal;

/// <summary>A <see cref="MultimodalPipeline"/>'s settings (<c>Apps:{name}:Pipeline</c>).</summary>
public sealed class MultimodalPipelineOptions
{
    /// <summary>Gets the decision windows (<c>Pipeline:Window</c>).</summary>
    public WindowPlan Window { get; } = new();

    /// <summary>Gets or sets how encoding is scheduled and when a window is decided; by default <see cref="InferenceStrategy.Full"/>.</summary>
    public InferenceStrategy Strategy { get; set; } = InferenceStrategy.Full;

    /// <summary>Gets or sets the confidence at which a window exits early, in (0, 1]; by default 0.9.</summary>
    public float ExitThreshold { get; set; } = 0.9f;

    /// <summary>Gets or sets how many units (all modalities together) must be encoded before an early exit; by default 2.</summary>
    public int MinUnitsBeforeExit { get; set; } = 2;

    /// <summary>Gets or sets the settled confidence at which the built-in threshold gate skips the slow modalities, in (0, 1]; by default 0.8.</summary>
    public float SkipThreshold { get; set; } = 0.8f;

    /// <summary>Gets or sets how many fast units must be encoded before the slow modalities may be skipped; by default 2.</summary>
    public int MinFastUnitsBeforeSkip { get; set; } = 2;

    /// <summary>Gets or sets the fraction of skipped units the audit encodes after the decision, in [0, 1]; by default 0 (no audit). Only with <see cref="InferenceStrategy.Full"/>.</summary>
    public double AuditFraction { get; set; }

    /// <summary>Gets or sets the seed of the audit's sample, so a run is reproducible.</summary>
    public int AuditSeed { get; set; }

    /// <summary>Gets or sets how many windows may be open at once before the oldest is decided with what it has; by default 4.</summary>
    public int MaxOpenWindows { get; set; } = 4;

    /// <summary>Checks the values, naming each bad one by its configuration key.</summary>
    /// <returns>One message per bad value; empty when valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = Window.Validate().Select(e => "Window:" + e).ToList();
        if (!Enum.IsDefined(Strategy))
        {
            errors.Add(Invariant($"Strategy must be one of {string.Join(", ", Enum.GetNames<InferenceStrategy>())} (got {(int)Strategy})."));
        }

        if (!(ExitThreshold is > 0f and <= 1f))
        {
            errors.Add(Invariant($"ExitThreshold must be in (0, 1] (got {ExitThreshold})."));
        }

        if (MinUnitsBeforeExit < 1)
        {
            errors.Add(Invariant($"MinUnitsBeforeExit must be at least 1 (got {MinUnitsBeforeExit})."));
        }

        if (!(SkipThreshold is > 0f and <= 1f))
        {
            errors.Add(Invariant($"SkipThreshold must be in (0, 1] (got {SkipThreshold})."));
        }

        if (MinFastUnitsBeforeSkip < 1)
        {
            errors.Add(Invariant($"MinFastUnitsBeforeSkip must be at least 1 (got {MinFastUnitsBeforeSkip})."));
        }

        if (!(AuditFraction is >= 0 and <= 1))
        {
            errors.Add(Invariant($"AuditFraction must be in [0, 1] (got {AuditFraction})."));
        }

        if (MaxOpenWindows is < 1 or > 64)
        {
            errors.Add(Invariant($"MaxOpenWindows must be between 1 and 64 (got {MaxOpenWindows})."));
        }

        return errors;
    }
}
