using Sensact.Pipelines.Events;

namespace Sensact.Pipelines.Multimodal;

/// <summary>
/// One decision window's result from a <see cref="MultimodalPipeline"/>: the label (or the failure),
/// what each modality did, and the times latency is measured from.
/// </summary>
/// <remarks>
/// Latencies follow MMEdge: <see cref="EndToEndLatency"/> runs from the window's first sensed frame
/// to the decision; <see cref="PostSensingLatency"/> from the last frame of the window sensed before
/// the decision to the decision, clamped at 0. Waiting for a complete window puts all encoding into
/// post-sensing latency; pipelining leaves only the last unit's; an early exit ends both before the
/// window does.
/// </remarks>
/// <param name="Window">The window's index (see <see cref="Units.WindowPlan.IndexOf"/>).</param>
/// <param name="Start">The window's start.</param>
/// <param name="End">The window's end (exclusive).</param>
/// <param name="Outcome">Decided or failed.</param>
/// <param name="Label">The winning label; <c>null</c> when failed.</param>
/// <param name="Confidence">The rule's confidence, in [0, 1]; 0 when failed.</param>
/// <param name="Probabilities">Every label's probability; empty when failed.</param>
/// <param name="Modalities">What each modality did, in pipeline order.</param>
/// <param name="ExitedEarly">Whether the decision came by early exit, before every modality's part of the window was over.</param>
/// <param name="DecidedAt">When the decision was made, on the pipeline's scheduler clock.</param>
/// <param name="FirstSensed">The originating time of the window's first frame (any modality).</param>
/// <param name="LastSensed">The originating time of the window's last frame received before the decision (any modality).</param>
/// <param name="Error">Why the window failed; <c>null</c> when decided.</param>
public sealed record WindowResult(
    long Window,
    DateTimeOffset Start,
    DateTimeOffset End,
    WindowOutcome Outcome,
    string? Label,
    float Confidence,
    IReadOnlyDictionary<string, float> Probabilities,
    IReadOnlyList<ModalityResult> Modalities,
    bool ExitedEarly,
    DateTimeOffset DecidedAt,
    DateTimeOffset FirstSensed,
    DateTimeOffset LastSensed,
    string? Error)
{
    /// <summary>Gets the time from the window's first sensed frame to the decision.</summary>
    public TimeSpan EndToEndLatency => DecidedAt - FirstSensed;

    /// <summary>Gets the time from the last frame sensed before the decision to the decision; never negative.</summary>
    public TimeSpan PostSensingLatency => DecidedAt > LastSensed ? DecidedAt - LastSensed : TimeSpan.Zero;

    /// <summary>Makes the application's decision event from a decided window.</summary>
    /// <param name="app">The application's name.</param>
    /// <param name="source">The source named on the decision (for example the modalities joined by <c>+</c>).</param>
    /// <returns>The decision (latency: <see cref="PostSensingLatency"/>; originating time: <see cref="LastSensed"/>); <c>null</c> for a failed window.</returns>
    /// <exception cref="ArgumentException"><paramref name="app"/> or <paramref name="source"/> is null or empty.</exception>
    public Decision? ToDecision(string app, string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(app);
        ArgumentException.ThrowIfNullOrEmpty(source);
        return Outcome != WindowOutcome.Decided || Label is null
            ? null
            : new Decision(app, Label, Confidence, PostSensingLatency, LastSensed, source, Window, Probabilities);
    }
}
