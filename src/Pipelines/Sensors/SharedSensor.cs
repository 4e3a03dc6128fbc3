using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Runtime.CompilerServices;
using Sensact.Devices;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Payloads;

namespace Sensact.Pipelines.Sensors;

/// <summary>
/// One sensor, opened once however many consumers use it. Each consumer has its own delivery policy
/// and drop counter and can pause its use; the sensor is open while at least one consumer is
/// attached and closed when none is.
/// </summary>
/// <remarks>
/// <para>
/// A sensor that fails is reopened with backoff (see <see cref="SensorRecovery"/>) while its
/// consumers stay subscribed: they see a pause in frames, not an error. The hub renumbers frames:
/// <see cref="Frame{T}.Sequence"/> keeps counting across reopens and pauses, and
/// <see cref="Frame{T}.Segment"/> grows by one at every opening, so windows never span a gap. A source
/// that numbers its own frames (<see cref="INumberedSource"/>, a replayed recording) keeps its numbers.
/// </para>
/// <para>
/// Frames are handed to every attached consumer on the sensor's thread; each consumer's delivery
/// policy then moves them to the consumer's scheduler, so a slow consumer drops (and counts) its own
/// frames and never slows the sensor or the other consumers. Handing a frame on allocates nothing.
/// A source that completes (a replay without looping) completes every attached consumer.
/// </para>
/// <para>
/// Frames are checked before the fan-out, allocation-free: a frame whose originating time is earlier
/// than the previous frame's of the same opening (<see cref="SensorHub.NonMonotonicTime"/>), or whose
/// payload is implausible (<see cref="IPlausiblePayload"/>: for an IMU sample, NaN, infinity or
/// impossible magnitudes) is dropped, released, and counted by reason in <see cref="Rejected"/>; it
/// takes no sequence number. Equal originating times pass.
/// </para>
/// <para>
/// Pooled payloads (<see cref="Sensact.Devices.Buffers.ISharedPayload{TSelf}"/>) follow the ownership
/// rule: each consumer receives a reference of its own, and what a consumer's delivery policy drops
/// is released there.
/// </para>
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
public sealed class SharedSensor<T> : ISharedSensor, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SensorRecovery _recovery;
    private readonly IScheduler _scheduler;
    private readonly Action<Exception, int, TimeSpan>? _onFailure;
    private IObservable<Frame<T>> _opened;
    private bool _keepNumbers;
    private readonly List<ISensorConsumer> _consumers = [];
    private IObserver<Frame<T>>[] _sinks = [];
    private SingleAssignmentDisposable? _upstream;
    private long _next;
    private int _segment = -1;
    private long _failures;
    private readonly ConcurrentDictionary<string, StrongBox<long>> _rejected = new(StringComparer.Ordinal);

    // The originating time of the last frame handed on, and the opening it belongs to (written by the frame path only).
    private long _lastTicks = long.MinValue;
    private int _timeSegment = -1;

    /// <summary>Shares <paramref name="source"/>.</summary>
    /// <param name="source">The sensor; it is opened when the first consumer attaches.</param>
    /// <param name="recovery">How a failing sensor is reopened; <see cref="SensorRecovery.Default"/> when <c>null</c>.</param>
    /// <param name="scheduler">Where reopening is scheduled and its pause measured; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="onFailure">Called with the sensor's error, the attempt (from 1) and the pause before reopening, for logs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <c>null</c>.</exception>
    public SharedSensor(
        ISensorSource<T> source,
        SensorRecovery? recovery = null,
        IScheduler? scheduler = null,
        Action<Exception, int, TimeSpan>? onFailure = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _recovery = recovery ?? SensorRecovery.Default;
        _scheduler = scheduler ?? Scheduler.Default;
        _onFailure = onFailure;
        Source = source;
        Name = source.Id;
        _keepNumbers = source is INumberedSource;
        _opened = Open(source);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Type PayloadType => typeof(T);

    /// <inheritdoc />
    public object Source { get; private set; }

    /// <inheritdoc />
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _upstream is not null;
            }
        }
    }

    /// <inheritdoc />
    public long Frames => Interlocked.Read(ref _next);

    /// <inheritdoc />
    public long Failures => Interlocked.Read(ref _failures);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Rejected => _rejected.ToDictionary(r => r.Key, r => Interlocked.Read(ref r.Value.Value), StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<ISensorConsumer> Consumers
    {
        get
        {
            lock (_gate)
            {
                return [.. _consumers];
            }
        }
    }

    /// <summary>Makes a consumer of this sensor; nothing is opened until its frames are subscribed.</summary>
    /// <param name="name">The consumer's name, for counters and metrics (for example the application's name).</param>
    /// <param name="policy">What the consumer drops when it falls behind.</param>
    /// <param name="scheduler">Where the consumer receives frames (see <see cref="StreamStages.Deliver{T}"/>).</param>
    /// <returns>The consumer.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="policy"/> is not valid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="policy"/> is <c>null</c>.</exception>
    public SensorConsumer<T> Consume(string name, DeliveryPolicy policy, IScheduler? scheduler = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(policy);
        var consumer = new SensorConsumer<T>(this, name, policy, scheduler);
        lock (_gate)
        {
            _consumers.Add(consumer);
        }

        return consumer;
    }

    /// <summary>Closes the sensor; attached consumers receive nothing more (they are not completed).</summary>
    public void Dispose()
    {
        SingleAssignmentDisposable? closing;
        lock (_gate)
        {
            closing = _upstream;
            _upstream = null;
            _sinks = [];
        }

        closing?.Dispose();
    }

    /// <summary>
    /// Replaces the sensor's source (the same sensor at another rate, say). When the sensor is open,
    /// the old source is closed and the new one opened at once: consumers stay attached, the segment
    /// grows by one and sequence numbers go on.
    /// </summary>
    /// <param name="next">The new source; it should carry the same id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <c>null</c>.</exception>
    public void Switch(ISensorSource<T> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var opened = Open(next);
        SingleAssignmentDisposable? closing;
        SingleAssignmentDisposable? opening = null;
        lock (_gate)
        {
            Source = next;
            _opened = opened;
            _keepNumbers = next is INumberedSource;
            closing = _upstream;
            if (closing is not null)
            {
                opening = _upstream = new SingleAssignmentDisposable();
                Interlocked.Increment(ref _segment);
            }
        }

        closing?.Dispose();
        opening?.Disposable = opened.Subscribe(OnFrame, OnError, OnCompleted);
    }

    /// <inheritdoc />
    void ISharedSensor.Switch(object source) =>
        Switch(source as ISensorSource<T> ?? throw new ArgumentException($"Sensor '{Name}' shares {typeof(T).Name} frames; the new source delivers others.", nameof(source)));

    /// <summary>Attaches a consumer's input, opening the sensor when it is the first.</summary>
    internal void Attach(IObserver<Frame<T>> sink)
    {
        SingleAssignmentDisposable? opening = null;
        IObservable<Frame<T>>? opened = null;
        lock (_gate)
        {
            _sinks = [.. _sinks, sink];
            if (_upstream is null)
            {
                opening = _upstream = new SingleAssignmentDisposable();
                opened = _opened;
                Interlocked.Increment(ref _segment);
            }
        }

        // Outside the lock: opening a sensor may take a while or emit at once.
        opening?.Disposable = opened!.Subscribe(OnFrame, OnError, OnCompleted);
    }

    /// <summary>Detaches a consumer's input, closing the sensor when it was the last.</summary>
    internal void Detach(IObserver<Frame<T>> sink)
    {
        SingleAssignmentDisposable? closing = null;
        lock (_gate)
        {
            var index = Array.IndexOf(_sinks, sink);
            if (index < 0)
            {
                return;
            }

            _sinks = [.. _sinks.AsSpan(0, index), .. _sinks.AsSpan(index + 1)];
            if (_sinks.Length == 0)
            {
                closing = _upstream;
                _upstream = null;
            }
        }

        closing?.Dispose();
    }

    // Every opening of the sensor is a new segment: the first (in Attach or Switch) and every
    // reopening after a failure (counted here, before RetryWithBackoff subscribes again).
    private IObservable<Frame<T>> Open(ISensorSource<T> source) =>
        source.Frames.RetryWithBackoff(
            _recovery.FirstDelay,
            _recovery.MaxDelay,
            (error, attempt, delay) =>
            {
                Interlocked.Increment(ref _failures);
                Interlocked.Increment(ref _segment);
                _onFailure?.Invoke(error, attempt, delay);
            },
            _scheduler);

    private void OnFrame(Frame<T> frame)
    {
        // Frames arrive one at a time (one opening at a time), so the counter has one writer; it is
        // read by metrics from other threads.
        // A source with numbers of its own (a replayed recording) keeps them, its segments included.
        var segment = _keepNumbers ? frame.Segment : Volatile.Read(ref _segment);
        if (segment != _timeSegment)
        {
            // A new opening starts its own clock (a replay as fast as possible runs ahead of the scheduler's).
            _timeSegment = segment;
            _lastTicks = long.MinValue;
        }

        var ticks = frame.OriginatingTime.UtcTicks;
        var rejection = ticks < _lastTicks ? SensorHub.NonMonotonicTime : PayloadPlausibility<T>.Implausibility(frame.Payload);
        if (rejection is not null)
        {
            Interlocked.Increment(ref _rejected.GetOrAdd(rejection, static _ => new StrongBox<long>()).Value);
            PayloadOwnership<T>.Release(frame);
            return;
        }

        _lastTicks = ticks;
        var stamped = _keepNumbers ? frame : frame with { Sequence = _next, Segment = segment };
        Volatile.Write(ref _next, _next + 1);
        // Every consumer but the last gets a reference of its own to a pooled payload; the last gets
        // the source's, which is handed over last so that no consumer can release it before the others
        // have theirs. A frame nobody takes is released.
        var sinks = Volatile.Read(ref _sinks);
        if (sinks.Length == 0)
        {
            PayloadOwnership<T>.Release(stamped);
            return;
        }

        for (var i = 0; i < sinks.Length - 1; i++)
        {
            sinks[i].OnNext(PayloadOwnership<T>.AddRef(stamped));
        }

        sinks[^1].OnNext(stamped);
    }

    private void OnError(Exception error) => Terminate(sink => sink.OnError(error));

    private void OnCompleted() => Terminate(sink => sink.OnCompleted());

    private void Terminate(Action<IObserver<Frame<T>>> notify)
    {
        IObserver<Frame<T>>[] sinks;
        lock (_gate)
        {
            sinks = _sinks;
            _sinks = [];
            _upstream = null;
        }

        foreach (var sink in sinks)
        {
            notify(sink);
        }
    }
}
