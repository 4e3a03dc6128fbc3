using static System.FormattableString;

namespace Sensact.Pipelines.Units;

/// <summary>
/// How decision windows are cut on originating time (<c>Apps:{name}:Pipeline:Window</c>): window
/// <c>i</c> covers <c>[Epoch + i * Length, Epoch + (i + 1) * Length)</c>.
/// </summary>
/// <remarks>
/// Windows are fixed on the time axis, not counted in frames, so a dropped frame shortens its own
/// window and never shifts a later one, and every modality of an application cuts the same windows:
/// fusing modalities is matching window indices.
/// </remarks>
public sealed class WindowPlan
{
    /// <summary>Gets or sets the window's length; by default 1 s.</summary>
    public TimeSpan Length { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets where window 0 starts; <c>null</c> (the default) for the Unix epoch.</summary>
    public DateTimeOffset? Epoch { get; set; }

    /// <summary>
    /// Gets or sets how long after a window's end (on the pipeline's scheduler clock) a window whose
    /// next frame has not come yet is taken as complete; <c>null</c> (the default): a window is complete
    /// only at its last frame (when the frame period is known), when a frame of a later window
    /// arrives, or when the stream ends. This is also the tolerance of
    /// the fusion: a modality that has not reached the window's end by then is decided without.
    /// </summary>
    public TimeSpan? CloseTolerance { get; set; }

    private long EpochTicks => (Epoch ?? DateTimeOffset.UnixEpoch).UtcTicks;

    /// <summary>Gets the index of the window that holds <paramref name="time"/>.</summary>
    /// <param name="time">An originating time.</param>
    /// <returns>The window index (negative before the epoch).</returns>
    public long IndexOf(DateTimeOffset time)
    {
        var offset = time.UtcTicks - EpochTicks;
        var length = Length.Ticks;
        return offset >= 0 ? offset / length : -((-offset + length - 1) / length);
    }

    /// <summary>Gets the start of window <paramref name="index"/>.</summary>
    /// <param name="index">The window index.</param>
    /// <returns>The window's start (inclusive), in UTC.</returns>
    public DateTimeOffset StartOf(long index) => new(EpochTicks + (index * Length.Ticks), TimeSpan.Zero);

    /// <summary>Gets the end of window <paramref name="index"/>.</summary>
    /// <param name="index">The window index.</param>
    /// <returns>The window's end (exclusive), in UTC.</returns>
    public DateTimeOffset EndOf(long index) => StartOf(index + 1);

    /// <summary>Checks the values, naming each bad one by its configuration key.</summary>
    /// <returns>One message per bad value; empty when the plan is valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (Length <= TimeSpan.Zero)
        {
            errors.Add(Invariant($"Length must be greater than 0 (got {Length})."));
        }

        if (CloseTolerance < TimeSpan.Zero)
        {
            errors.Add(Invariant($"CloseTolerance must not be negative (got {CloseTolerance})."));
        }

        return errors;
    }
}
