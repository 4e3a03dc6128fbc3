using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sensact.Devices;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Sensors;

public sealed class SharedSensorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(10);

    [Fact]
    public void Constructor_NullSource_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("source", () => new SharedSensor<int>(null!));

    [Fact]
    public void Consume_BadArguments_ThrowWhenCalled()
    {
        var sensor = new SharedSensor<int>(new TickSource(new HistoricalScheduler(T0)));

        Assert.Throws<ArgumentException>("name", () => sensor.Consume(" ", DeliveryPolicy.LatestOnly()));
        Assert.Throws<ArgumentNullException>("policy", () => sensor.Consume("app", null!));
        Assert.Throws<ArgumentException>("policy", () => sensor.Consume("app", new DeliveryPolicy { Mode = DeliveryMode.DropOldest, Capacity = 0 }));
    }

    [Fact]
    public void Frames_TwoConsumers_OpenTheSensorOnceAndSeeTheSameFrames()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new TickSource(clock);
        var sensor = new SharedSensor<int>(source, scheduler: clock);

        var first = sensor.Consume("first", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        var second = sensor.Consume("second", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.AdvanceBy(Period * 5);

        Assert.Equal(1, source.Opened);
        Assert.True(sensor.IsOpen);
        Assert.Equal([0L, 1, 2, 3, 4], first.Values.Select(f => f.Sequence));
        Assert.Equal(first.Values, second.Values);
        Assert.All(first.Values, f => Assert.Equal("tick", f.SourceId));
    }

    [Fact]
    public void Pause_OneOfTwoConsumers_OnlyThatConsumerStopsReceiving()
    {
        var clock = new HistoricalScheduler(T0);
        var sensor = new SharedSensor<int>(new TickSource(clock), scheduler: clock);
        var paused = sensor.Consume("paused", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance);
        var pausedFrames = paused.Frames.Record(clock);
        var running = sensor.Consume("running", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.AdvanceBy(Period * 2);

        paused.Pause();
        clock.AdvanceBy(Period * 3);
        paused.Unpause();
        clock.AdvanceBy(Period * 2);

        Assert.True(paused.IsPaused is false);
        Assert.Equal([0L, 1, 5, 6], pausedFrames.Values.Select(f => f.Sequence));
        Assert.Equal(7, running.Values.Count);
        Assert.Equal(0, paused.Counter.Dropped);
    }

    [Fact]
    public void Pause_EveryConsumer_ClosesTheSensorAndUnpauseReopensItCountingOn()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new TickSource(clock);
        var sensor = new SharedSensor<int>(source, scheduler: clock);
        var consumer = sensor.Consume("gate", DeliveryPolicy.LatestOnly(), ImmediateScheduler.Instance);
        var frames = consumer.Frames.Record(clock);
        clock.AdvanceBy(Period * 3);

        consumer.Pause();
        clock.AdvanceBy(Period * 10);
        var closedWhilePaused = !sensor.IsOpen && source.Active == 0;
        consumer.Unpause();
        clock.AdvanceBy(Period * 2);

        Assert.True(closedWhilePaused);
        Assert.Equal(2, source.Opened);
        Assert.Equal([0L, 1, 2, 3, 4], frames.Values.Select(f => f.Sequence));
        Assert.Equal([0, 0, 0, 1, 1], frames.Values.Select(f => f.Segment));
    }

    [Fact]
    public void Switch_OpenSensor_ClosesTheOldSourceAndOpensTheNewOneInANewSegment()
    {
        var clock = new HistoricalScheduler(T0);
        var slow = new TickSource(clock);
        var fast = new TickSource(clock) { Payload = 100 };
        var sensor = new SharedSensor<int>(slow, scheduler: clock);
        var frames = sensor.Consume("app", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.AdvanceBy(Period * 2);

        sensor.Switch(fast);
        clock.AdvanceBy(Period * 2);

        Assert.Same(fast, sensor.Source);
        Assert.Equal((0, 1), (slow.Active, fast.Active));
        Assert.Equal([0, 1, 100, 101], frames.Values.Select(f => f.Payload));
        Assert.Equal([0L, 1, 2, 3], frames.Values.Select(f => f.Sequence));
        Assert.Equal([0, 0, 1, 1], frames.Values.Select(f => f.Segment));
    }

    [Fact]
    public void Switch_ClosedSensor_OpensTheNewSourceOnlyWhenConsumed()
    {
        var clock = new HistoricalScheduler(T0);
        var first = new TickSource(clock);
        var next = new TickSource(clock) { Payload = 100 };
        var sensor = new SharedSensor<int>(first, scheduler: clock);

        ((ISharedSensor)sensor).Switch(next);
        var frames = sensor.Consume("app", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.AdvanceBy(Period);

        Assert.Equal((0, 1), (first.Opened, next.Opened));
        Assert.Equal([100], frames.Values.Select(f => f.Payload));
        Assert.Throws<ArgumentException>(() => ((ISharedSensor)sensor).Switch("not a source"));
    }

    [Fact]
    public void Frames_SensorFails_IsReopenedWithBackoffWithoutErrorAndSequenceKeepsCounting()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new TickSource(clock) { FailAfter = 3 };
        var failures = new List<(int Attempt, TimeSpan Delay)>();
        var sensor = new SharedSensor<int>(source, new SensorRecovery(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)), clock, (_, attempt, delay) => failures.Add((attempt, delay)));

        var frames = sensor.Consume("app", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(1.5));

        Assert.Null(frames.Error);
        Assert.Equal(2, source.Opened);
        // The source fails after every third frame; frames in between reset the backoff.
        Assert.Equal(2, sensor.Failures);
        Assert.Equal([(1, TimeSpan.FromSeconds(1)), (1, TimeSpan.FromSeconds(1))], failures);
        Assert.Equal([0L, 1, 2, 3, 4, 5], frames.Values.Select(f => f.Sequence));
        Assert.Equal([0, 0, 0, 1, 1, 1], frames.Values.Select(f => f.Segment));
    }

    [Fact]
    public void Frames_SlowConsumer_DropsItsOwnFramesOnly()
    {
        var clock = new HistoricalScheduler(T0);
        var stalled = new HistoricalScheduler(T0); // never advanced: this consumer never gets to run
        var sensor = new SharedSensor<int>(new TickSource(clock), scheduler: clock);
        var fast = sensor.Consume("fast", DeliveryPolicy.DropOldest(2), ImmediateScheduler.Instance);
        var slow = sensor.Consume("slow", DeliveryPolicy.DropNewest(2), stalled);
        var fastFrames = fast.Frames.Record(clock);
        slow.Frames.Record(clock);

        clock.AdvanceBy(Period * 10);

        Assert.Equal(10, fastFrames.Values.Count);
        Assert.Equal((10L, 0L), (fast.Counter.Delivered, fast.Counter.Dropped));
        Assert.Equal((0L, 8L), (slow.Counter.Delivered, slow.Counter.Dropped));
    }

    [Fact]
    public void Frames_SourceCompletes_CompletesEveryConsumer()
    {
        var clock = new HistoricalScheduler(T0);
        var sensor = new SharedSensor<int>(new TickSource(clock) { CompleteAfter = 3 }, scheduler: clock);

        var first = sensor.Consume("first", DeliveryPolicy.DropOldest(8), ImmediateScheduler.Instance).Frames.Record(clock);
        var second = sensor.Consume("second", DeliveryPolicy.DropOldest(8), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.AdvanceBy(Period * 10);

        Assert.True(first.Completed && second.Completed);
        Assert.Equal(3, first.Values.Count);
        Assert.False(sensor.IsOpen);
    }

    [Fact]
    public void Frames_SubscribedTwice_Throws()
    {
        var clock = new HistoricalScheduler(T0);
        var consumer = new SharedSensor<int>(new TickSource(clock), scheduler: clock).Consume("app", DeliveryPolicy.LatestOnly(), ImmediateScheduler.Instance);
        consumer.Frames.Record(clock);

        Assert.Throws<InvalidOperationException>(() => consumer.Frames.Subscribe(_ => { }));
    }

    [Fact]
    public void Frames_Disposed_LastConsumerClosesTheSensor()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new TickSource(clock);
        var sensor = new SharedSensor<int>(source, scheduler: clock);
        sensor.Consume("app", DeliveryPolicy.LatestOnly(), ImmediateScheduler.Instance).Frames.Record(clock, out var subscription);
        clock.AdvanceBy(Period * 2);

        subscription.Dispose();

        Assert.False(sensor.IsOpen);
        Assert.Equal(0, source.Active);
    }

    [Fact]
    public void Hub_Metrics_ReportFramesAndDropsPerSensorAndConsumer()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = new SensorHub();
        var sensor = new SharedSensor<int>(new TickSource(clock), scheduler: clock);
        hub.Add(sensor);
        using var frames = new MetricCollector<long>(null, SensorHub.MeterName, "sensact.sensor.frames");
        using var dropped = new MetricCollector<long>(null, SensorHub.MeterName, "sensact.sensor.dropped");
        sensor.Consume("slow", DeliveryPolicy.DropNewest(1), new HistoricalScheduler(T0)).Frames.Record(clock);
        clock.AdvanceBy(Period * 4);

        frames.RecordObservableInstruments();
        dropped.RecordObservableInstruments();

        Assert.Contains(frames.GetMeasurementSnapshot(), m => m.Value == 4 && Equals(m.Tags["sensor"], "tick"));
        Assert.Contains(dropped.GetMeasurementSnapshot(), m => m.Value == 3 && Equals(m.Tags["consumer"], "slow"));
    }

    [Fact]
    public void Hub_GetWithWrongPayloadOrUnknownName_Throws()
    {
        using var hub = new SensorHub();
        hub.Add(new SharedSensor<int>(new TickSource(new HistoricalScheduler(T0))));

        Assert.Same(hub.Get<int>("TICK"), hub.Get<int>("tick"));
        Assert.Throws<InvalidCastException>(() => hub.Get<string>("tick"));
        Assert.Throws<KeyNotFoundException>(() => hub.Get<int>("other"));
        Assert.Throws<ArgumentException>(() => hub.Add(new SharedSensor<int>(new TickSource(new HistoricalScheduler(T0)))));
    }

    /// <summary>Emits 0, 1, 2, ... every 10 ms of virtual time; counts its openings; can fail or complete.</summary>
    private sealed class TickSource(IScheduler clock) : ISensorSource<int>
    {
        private int _active;

        public int Opened { get; private set; }

        public int Active => _active;

        public int? FailAfter { get; init; }

        public int? CompleteAfter { get; init; }

        public int Payload { get; init; }

        public string Id => "tick";

        public IObservable<Frame<int>> Frames => Observable.Defer(() =>
        {
            Opened++;
            var ticks = Observable.Interval(Period, clock).Select(i => new Frame<int>(Payload + (int)i, clock.Now, Id, i));
            if (FailAfter is { } failAfter)
            {
                ticks = ticks.Take(failAfter).Concat(Observable.Throw<Frame<int>>(new IOException("unplugged")));
            }

            if (CompleteAfter is { } completeAfter)
            {
                ticks = ticks.Take(completeAfter);
            }

            return ticks
                .Do(_ => { }, () => { })
                .Finally(() => Interlocked.Decrement(ref _active))
                .Publish(o => { Interlocked.Increment(ref _active); return o; });
        });
    }
}
