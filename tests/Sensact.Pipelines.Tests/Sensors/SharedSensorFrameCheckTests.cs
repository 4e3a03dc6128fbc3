using System.Numerics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Sensors;

/// <summary>The shared sensor drops, before its consumers, frames no working sensor could deliver, and counts them by reason.</summary>
public sealed class SharedSensorFrameCheckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ImuSample Still = new(new Vector3(0, 0, 9.81f), Vector3.Zero);

    [Fact]
    public void Frames_ImplausibleSamplesAndTimeGoingBack_DroppedCountedByReasonAndNotNumbered()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = new SensorHub();
        using var rejected = new MetricCollector<long>(null, SensorHub.MeterName, "sensact.sensor.rejected");
        var sensor = new SharedSensor<ImuSample>(new ListSource(
        [
            (Still, 0),
            (new ImuSample(new Vector3(float.NaN, 0, 9.81f)), 10),
            (new ImuSample(new Vector3(0, 0, 9.81f), new Vector3(0, float.PositiveInfinity, 0)), 20),
            (new ImuSample(new Vector3(0, 0, 33 * 9.80665f)), 30),
            (new ImuSample(Vector3.Zero, new Vector3(0, 0, 70f)), 40), // 4011 °/s
            (Still, 50),
            (Still, 45), // back in time
            (Still, 50), // the same time again passes
            (new ImuSample(new Vector3(0, 0, 31 * 9.80665f), new Vector3(0, 0, 69f)), 60), // within the bounds
        ]), scheduler: clock);
        hub.Add(sensor);

        var recorder = sensor.Consume("app", DeliveryPolicy.DropOldest(64), clock).Frames.Record(clock);
        clock.Start();

        Assert.Equal([0, 50, 50, 60], recorder.Values.Select(f => (int)(f.OriginatingTime - T0).TotalMilliseconds));
        Assert.Equal([0L, 1, 2, 3], recorder.Values.Select(f => f.Sequence));
        Assert.Equal(4, sensor.Frames);
        Assert.Equal(
            new Dictionary<string, long> { [ImuSample.NonFinite] = 2, [ImuSample.OutOfRange] = 2, [SensorHub.NonMonotonicTime] = 1 },
            sensor.Rejected);
        rejected.RecordObservableInstruments();
        Assert.Contains(rejected.GetMeasurementSnapshot(), m => m.Value == 2 && Equals(m.Tags["sensor"], "list") && Equals(m.Tags["reason"], "non-finite"));
        Assert.Contains(rejected.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["reason"], "non-monotonic-time"));
    }

    [Fact]
    public void Frames_ANewOpening_StartsItsOwnClock()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new ListSource([(Still, 100), (Still, 200)]);
        var sensor = new SharedSensor<ImuSample>(source, scheduler: clock);
        var consumer = sensor.Consume("app", DeliveryPolicy.DropOldest(64), clock);

        var recorder = consumer.Frames.Record(clock);
        clock.Start();
        consumer.Pause();
        source.Items = [(Still, 0), (Still, 10)];
        consumer.Unpause();
        clock.Start();

        Assert.Equal([100, 200, 0, 10], recorder.Values.Select(f => (int)(f.OriginatingTime - T0).TotalMilliseconds));
        Assert.Equal([0, 0, 1, 1], recorder.Values.Select(f => f.Segment));
        Assert.Empty(sensor.Rejected);
    }

    [Fact]
    public void Frames_PayloadWithoutATest_OnlyTimeChecked()
    {
        var clock = new HistoricalScheduler(T0);
        var sensor = new SharedSensor<float>(new FloatSource([float.NaN, 1f]), scheduler: clock);

        var recorder = sensor.Consume("app", DeliveryPolicy.DropOldest(64), clock).Frames.Record(clock);
        clock.Start();

        Assert.Equal(2, recorder.Values.Count);
        Assert.Empty(sensor.Rejected);
    }

    private sealed class ListSource(IReadOnlyList<(ImuSample Sample, int Milliseconds)> items) : ISensorSource<ImuSample>
    {
        public IReadOnlyList<(ImuSample Sample, int Milliseconds)> Items { get; set; } = items;

        public string Id => "list";

        public IObservable<Frame<ImuSample>> Frames =>
            Observable.Defer(() => Items.Select((item, i) => new Frame<ImuSample>(item.Sample, T0.AddMilliseconds(item.Milliseconds), Id, i)).ToObservable())
                .Concat(Observable.Never<Frame<ImuSample>>());
    }

    private sealed class FloatSource(float[] values) : ISensorSource<float>
    {
        public string Id => "floats";

        public IObservable<Frame<float>> Frames => values.Select((v, i) => new Frame<float>(v, T0, Id, i)).ToObservable();
    }
}
