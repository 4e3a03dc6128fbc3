using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Sensors;

/// <summary>A source with numbers of its own (a replayed recording) keeps them through the shared sensor.</summary>
public sealed class SharedSensorNumberingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Frames_NumberedSource_KeepsItsSequenceAndSegment()
    {
        var clock = new HistoricalScheduler(T0);
        var sensor = new SharedSensor<int>(new Numbered(), scheduler: clock);

        var frames = sensor.Consume("app", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.Start();

        Assert.Equal([(1000L, 7), (1005L, 7), (1006L, 8)], frames.Values.Select(f => (f.Sequence, f.Segment)));
        Assert.Equal(3, sensor.Frames);
    }

    [Fact]
    public void Frames_OtherSource_IsRenumbered()
    {
        var clock = new HistoricalScheduler(T0);
        var sensor = new SharedSensor<int>(new Unnumbered(), scheduler: clock);

        var frames = sensor.Consume("app", DeliveryPolicy.DropOldest(16), ImmediateScheduler.Instance).Frames.Record(clock);
        clock.Start();

        Assert.Equal([(0L, 0), (1L, 0), (2L, 0)], frames.Values.Select(f => (f.Sequence, f.Segment)));
    }

    private static Frame<int>[] Recorded(string id) =>
    [
        new(1, T0, id, 1000, 7),
        new(2, T0, id, 1005, 7),
        new(3, T0, id, 1006, 8),
    ];

    private sealed class Numbered : ISensorSource<int>, INumberedSource
    {
        public string Id => "replay";

        public IObservable<Frame<int>> Frames => Recorded(Id).ToObservable();
    }

    private sealed class Unnumbered : ISensorSource<int>
    {
        public string Id => "live";

        public IObservable<Frame<int>> Frames => Recorded(Id).ToObservable();
    }
}
