using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Pipelines.Units;

namespace Sensact.Pipelines;

public static partial class StreamStages
{
    /// <summary>
    /// Cuts a modality's frames into units of <paramref name="framesPerUnit"/> frames inside decision
    /// windows cut on originating time (see <see cref="WindowPlan"/>), handing each unit on the moment
    /// its last frame arrives, and announcing each window's completion.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A unit never spans two windows or two segments (<see cref="Frame{T}.Segment"/>): an unfinished
    /// unit is discarded at either boundary, so a dropped frame shortens its window by at most one
    /// unit and never shifts a later window. A window is complete when a frame of a later window
    /// arrives, when a frame arrives whose successor is due after the window's end (given
    /// <paramref name="framePeriod"/>), when the source completes, or, when <see cref="WindowPlan.CloseTolerance"/> is set,
    /// when the scheduler's clock passes the window's end plus the tolerance; frames of a complete
    /// window that come later are dropped.
    /// </para>
    /// <para>
    /// Units are views onto one buffer per subscription (see <see cref="SensingUnit{T}"/>); cutting
    /// allocates nothing per frame (a timer per window when the tolerance is set).
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="source">One modality's frames, in originating-time order.</param>
    /// <param name="plan">The window plan; read at subscription.</param>
    /// <param name="framesPerUnit">Frames per unit; at least 1 (an encoder's <c>FramesPerUnit</c>).</param>
    /// <param name="scheduler">The clock of the close tolerance; by default <see cref="Scheduler.Default"/>.</param>
    /// <param name="framePeriod">The time between two frames; when given, a window is complete at its last frame rather than at the next window's first. A frame that comes later than its period says, into a window already complete, is dropped.</param>
    /// <returns>The units and the windows' completions, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="plan"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="framesPerUnit"/> is less than 1, or <paramref name="framePeriod"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is not valid.</exception>
    public static IObservable<SensingUnit<T>> Units<T>(this IObservable<Frame<T>> source, WindowPlan plan, int framesPerUnit, IScheduler? scheduler = null, TimeSpan framePeriod = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerUnit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(framePeriod, TimeSpan.Zero);
        var errors = plan.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Window plan: " + string.Join(" ", errors), nameof(plan));
        }

        var clock = scheduler ?? Scheduler.Default;
        return Observable.Create<SensingUnit<T>>(observer =>
        {
            var sink = new UnitStageSink<T>(plan, framesPerUnit, framePeriod, observer, clock);
            var subscription = source.Subscribe(sink.Add, sink.Error, sink.Complete);
            return StableCompositeDisposable.Create(subscription, sink);
        });
    }
}
