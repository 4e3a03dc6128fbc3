using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Agent.Apps;
using Sensact.Agent.Telemetry;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Sensors;
using Sensact.Testing;

namespace Sensact.Agent.Tests.Telemetry;

public sealed class TelemetryCollectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Snapshot_AfterAnInterval_ReportsRatesDropsAndLatencyPercentiles()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = new SensorHub();
        using var metrics = new AppMetrics();
        var sensor = new SharedSensor<int>(new Ticks(clock), scheduler: clock);
        hub.Add(sensor);
        sensor.Consume("slow", DeliveryPolicy.DropNewest(1), new HistoricalScheduler(T0)).Frames.Record(clock);
        using var collector = new TelemetryCollector(hub.Meter, metrics.Meter);

        clock.AdvanceBy(TimeSpan.FromSeconds(10)); // 100 frames at 10 Hz
        for (var i = 1; i <= 100; i++)
        {
            metrics.Emitted(new Decision("app", "x", 1, TimeSpan.FromMilliseconds(i), T0, "tick", i, new Dictionary<string, float>()));
        }

        var first = collector.Snapshot(TimeSpan.FromSeconds(10));
        clock.AdvanceBy(TimeSpan.FromSeconds(10));
        var second = collector.Snapshot(TimeSpan.FromSeconds(10));

        Assert.Equal(100, first["sensors"]!["tick"]!["frames"]!.GetValue<long>());
        Assert.Equal(10.0, first["sensors"]!["tick"]!["framesPerSecond"]!.GetValue<double>());
        Assert.Equal(99, first["consumers"]!["tick->slow"]!["dropped"]!.GetValue<long>());
        Assert.Equal(100, first["apps"]!["app"]!["events"]!.GetValue<long>());
        Assert.Equal(10.0, first["apps"]!["app"]!["eventsPerSecond"]!.GetValue<double>());
        Assert.Equal((50.0, 95.0, 99.0, 100.0), (
            first["apps"]!["app"]!["latencyMs"]!["p50"]!.GetValue<double>(),
            first["apps"]!["app"]!["latencyMs"]!["p95"]!.GetValue<double>(),
            first["apps"]!["app"]!["latencyMs"]!["p99"]!.GetValue<double>(),
            first["apps"]!["app"]!["latencyMs"]!["max"]!.GetValue<double>()));
        Assert.Equal(10.0, second["sensors"]!["tick"]!["framesPerSecond"]!.GetValue<double>());
        Assert.Equal(0.0, second["apps"]!["app"]!["eventsPerSecond"]!.GetValue<double>());
        Assert.Null(second["apps"]!["app"]!["latencyMs"]);
    }

    [Fact]
    public void Snapshot_RejectedFrames_ReportedPerSensorByReason()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = new SensorHub();
        using var metrics = new AppMetrics();
        var nan = new ImuSample(new System.Numerics.Vector3(float.NaN, 0, 0));
        var still = new ImuSample(new System.Numerics.Vector3(0, 0, 9.81f));
        var frames = new[] { still, nan, nan, still }.Select((s, i) => new Frame<ImuSample>(s, T0.AddMilliseconds(i), "imu", i));
        var sensor = new SharedSensor<ImuSample>(new FrameList("imu", frames), scheduler: clock);
        hub.Add(sensor);
        sensor.Consume("app", DeliveryPolicy.DropOldest(8), clock).Frames.Record(clock);
        using var collector = new TelemetryCollector(hub.Meter, metrics.Meter);
        clock.Start();

        var snapshot = collector.Snapshot(TimeSpan.FromSeconds(10));

        Assert.Equal(2, snapshot["sensors"]!["imu"]!["frames"]!.GetValue<long>());
        Assert.Equal(2, snapshot["sensors"]!["imu"]!["rejected"]!["non-finite"]!.GetValue<long>());
        Assert.Single(snapshot["sensors"]!.AsObject());
    }

    private sealed class FrameList(string id, IEnumerable<Frame<ImuSample>> frames) : ISensorSource<ImuSample>
    {
        public string Id => id;

        public IObservable<Frame<ImuSample>> Frames => frames.ToObservable().Concat(Observable.Never<Frame<ImuSample>>());
    }

    /// <summary>A frame every 100 ms of virtual time.</summary>
    private sealed class Ticks(IScheduler clock) : ISensorSource<int>
    {
        public string Id => "tick";

        public IObservable<Frame<int>> Frames =>
            Observable.Interval(TimeSpan.FromMilliseconds(100), clock).Select(i => new Frame<int>((int)i, clock.Now, Id, i));
    }
}
