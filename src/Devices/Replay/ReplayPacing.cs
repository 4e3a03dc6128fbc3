using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Sensact.Devices.Replay;

/// <summary>
/// The one clock loop every replay source uses: frame <c>i</c> is due at
/// <c>start + offset(i) / SpeedFactor</c> on the scheduler, or back to back when the replay runs
/// as fast as possible.
/// </summary>
/// <remarks>
/// <para>
/// Paced: each due time is computed from the start, never from the previous frame, so a late
/// callback delays one frame and the pace does not drift. It is handed to the scheduler as a
/// relative delay, because Rx re-plans absolute due times on a system-clock change from a thread of
/// its own, which can reach a scheduler its owner has already disposed. A paced frame's originating
/// time is the scheduler's time when it is emitted: the replay re-senses the data, and latency
/// downstream is measured as for a live sensor.
/// </para>
/// <para>
/// As fast as possible: frames are emitted in batches of <see cref="Batch"/> on the scheduler (a
/// disposal is seen between two frames); a frame's originating time is the scene time
/// <c>origin + offset(i)</c>, so windows and rates downstream see the recording's own time. The
/// origin is the recording's own first time where it has one (an MCAP recording's first log time:
/// frames then carry exactly the recorded originating times), otherwise the scheduler's time at the start.
/// </para>
/// </remarks>
public static class ReplayPacing
{
    /// <summary>How many frames an as-fast-as-possible replay emits before it yields the scheduler.</summary>
    public const int Batch = 4096;

    /// <summary>Runs a replay's emission loop until <paramref name="emit"/> returns <c>false</c> or the result is disposed.</summary>
    /// <param name="scheduler">The scene clock.</param>
    /// <param name="options">The replay's speed: <see cref="ReplayOptions.SpeedFactor"/> and <see cref="ReplayOptions.AsFastAsPossible"/>.</param>
    /// <param name="offsetOf">
    /// Frame <c>i</c>'s time in the recording, from its first frame (at 1x): a fixed rate
    /// (<see cref="FixedRate"/>) or the recording's own times. It is asked for each frame once, in
    /// order, after the previous frame was emitted, so a source may answer from its current position.
    /// </param>
    /// <param name="emit">Emits frame <c>i</c> with its originating time; returns whether there is a next frame.</param>
    /// <param name="origin">
    /// The recording's time of its first frame, stamped (plus the offsets) as fast as possible; the
    /// scheduler's time at the start when <c>null</c>. Paced replays ignore it.
    /// </param>
    /// <returns>Stops the loop when disposed.</returns>
    public static IDisposable Run(IScheduler scheduler, ReplayOptions options, Func<long, TimeSpan> offsetOf, Func<long, DateTimeOffset, bool> emit, DateTimeOffset? origin = null)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(offsetOf);
        ArgumentNullException.ThrowIfNull(emit);
        var start = scheduler.Now;
        if (options.AsFastAsPossible)
        {
            var sceneStart = origin ?? start;
            var stopped = new BooleanDisposable();
            var loop = scheduler.Schedule(0L, TimeSpan.Zero, (first, next) =>
            {
                for (var i = first; i < first + Batch; i++)
                {
                    if (stopped.IsDisposed || !emit(i, sceneStart + offsetOf(i)))
                    {
                        return;
                    }
                }

                next(first + Batch, TimeSpan.Zero);
            });
            return StableCompositeDisposable.Create(stopped, loop);
        }

        return Paced(scheduler, start, options.SpeedFactor, offsetOf, emit);
    }

    /// <summary>
    /// Runs a live sensor's read loop in real time: frame <c>i</c> is due at <c>start + offset(i)</c>
    /// (for a fixed rate, <c>start + i / rate</c>: see <see cref="FixedRate"/>), the same drift-free
    /// loop a replay at 1x runs, with the scheduler's time at the call as originating time.
    /// </summary>
    /// <param name="scheduler">The clock that paces the reads.</param>
    /// <param name="offsetOf">Frame <c>i</c>'s due time from the start.</param>
    /// <param name="emit">Reads and emits frame <c>i</c> with its originating time; returns whether to go on.</param>
    /// <returns>Stops the loop when disposed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static IDisposable RealTime(IScheduler scheduler, Func<long, TimeSpan> offsetOf, Func<long, DateTimeOffset, bool> emit)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(offsetOf);
        ArgumentNullException.ThrowIfNull(emit);
        return Paced(scheduler, scheduler.Now, 1.0, offsetOf, emit);
    }

    private static IDisposable Paced(IScheduler scheduler, DateTimeOffset start, double speed, Func<long, TimeSpan> offsetOf, Func<long, DateTimeOffset, bool> emit) =>
        scheduler.Schedule(0L, TimeSpan.Zero, (i, next) =>
        {
            if (emit(i, scheduler.Now))
            {
                var due = start + TimeSpan.FromTicks((long)Math.Round(offsetOf(i + 1).Ticks / speed));
                var delay = due - scheduler.Now;
                next(i + 1, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            }
        });

    /// <summary>The offset of frame <c>i</c> of a stream at a fixed rate.</summary>
    /// <param name="framesPerSecond">Frames per second of recording time.</param>
    /// <returns><c>i =&gt; i / framesPerSecond</c>, rounded to ticks.</returns>
    public static Func<long, TimeSpan> FixedRate(double framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        return i => TimeSpan.FromTicks((long)Math.Round(i * (double)TimeSpan.TicksPerSecond / framesPerSecond));
    }
}
