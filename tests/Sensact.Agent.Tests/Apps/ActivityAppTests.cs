using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Apps;
using Sensact.Agent.Apps.Activity;
using Sensact.Devices.Imu;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Sensors;
using Sensact.Testing;

namespace Sensact.Agent.Tests.Apps;

/// <summary>The activity kind, prepared and built in virtual time: no host, no threads.</summary>
public sealed class ActivityAppTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Walking = Path.Combine(AppContext.BaseDirectory, "data", "imu", "stm32-har", "walking", "walking_01_26Hz_4g_mg.csv");
    private static readonly string Model = Path.Combine(AppContext.BaseDirectory, "models", "activity", "activity-classifier.onnx");

    [Fact]
    public void Build_ReplayedWalking_DecidesWalkingOncePerHopWithGroundTruth()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = Hub(clock, 26);
        using var app = Prepare(hub, "activity");

        var decisions = app.Build(Context(hub, clock)).Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(10));

        // The first window is complete after 52 samples (2 s minus one sample), then one every 26 (1 s).
        Assert.Equal(9, decisions.Values.Count);
        var first = Assert.IsType<Decision>(decisions.Values[0]);
        Assert.Equal(T0.AddTicks((long)Math.Round(51 * TimeSpan.TicksPerSecond / 26d)), first.OriginatingTime);
        Assert.All(decisions.Values.Cast<Decision>(), d => Assert.Equal(("activity", "walking", "walking", "imu"), (d.App, d.Label, d.Truth, d.Source)));
        Assert.All(decisions.Values, d => Assert.Equal(TimeSpan.Zero, d.Latency));
    }

    [Fact]
    public void Build_TwoAppsOnOneSensor_OpenItOnceAndDecideTheSame()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = Hub(clock, 26);
        using var first = Prepare(hub, "first");
        using var second = Prepare(hub, "second");

        var a = first.Build(Context(hub, clock)).Record(clock);
        var b = second.Build(Context(hub, clock)).Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(10));

        var sensor = Assert.Single(hub.Sensors);
        Assert.Equal(261, sensor.Frames); // one opening: 10 s at 26 Hz, samples 0..260
        Assert.Equal(["first", "second"], sensor.Consumers.Select(c => c.Name));
        Assert.Equal(a.Values.Cast<Decision>().Select(d => (d.Label, d.OriginatingTime)), b.Values.Cast<Decision>().Select(d => (d.Label, d.OriginatingTime)));
    }

    [Fact]
    public void Build_Rebuilt_ReusesItsConsumerSoCountersKeepCounting()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = Hub(clock, 26);
        using var app = Prepare(hub, "activity");

        app.Build(Context(hub, clock)).Record(clock, out var subscription);
        clock.AdvanceBy(TimeSpan.FromSeconds(1));
        subscription.Dispose();
        app.Build(Context(hub, clock)).Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        var consumer = Assert.Single(Assert.Single(hub.Sensors).Consumers);
        Assert.Equal(54, consumer.Counter.Delivered); // 27 frames before the rebuild, 27 after
    }

    [Fact]
    public void Prepare_SensorRateDiffersFromCard_NamesTheSensorKey()
    {
        using var hub = Hub(new HistoricalScheduler(T0), 52);
        var problems = new List<string>();

        var app = new ActivityKind().Prepare("activity", Options(), hub, problems);

        Assert.Null(app);
        var problem = Assert.Single(problems);
        Assert.StartsWith("Model: the model was trained on 26 Hz data, but sensor 'imu' delivers 52 Hz (Sensors:imu:SampleRateHz)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_BadOptions_ListsEveryProblem()
    {
        using var hub = Hub(new HistoricalScheduler(T0), 26);
        var problems = new List<string>();
        var options = Options();
        options.MinConfidence = 1.5;
        options.Inference.IntraOpThreads = 0;
        options.Sensors = ["imu"];

        var app = new ActivityKind().Prepare("activity", options, hub, problems);

        Assert.Null(app);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Sensor:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MinConfidence", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Inference:IntraOpThreads", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconfigure_MinConfidenceWhileRunning_FiltersFromTheNextWindow()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = Hub(clock, 26);
        using var app = Prepare(hub, "activity");
        var decisions = app.Build(Context(hub, clock)).Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(5));
        var before = decisions.Values.Count;
        var problems = new List<string>();

        app.Reconfigure(Options(minConfidence: 1.5), problems);
        Assert.Equal(["MinConfidence must be between 0 and 1 (got 1.5)."], problems);
        clock.AdvanceBy(TimeSpan.FromSeconds(3));
        Assert.True(decisions.Values.Count > before); // the refused value changed nothing

        var confident = decisions.Values.Cast<Decision>().Max(d => d.Confidence);
        app.Reconfigure(Options(minConfidence: Math.BitIncrement(confident)), problems = []);
        var afterSet = decisions.Values.Count;
        clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Empty(problems);
        Assert.All(decisions.Values.Skip(afterSet).Cast<Decision>(), d => Assert.True(d.Confidence > confident));
    }

    [Fact]
    public void Reconfigure_ModelSwappedWhileRunning_DecidesOnWithTheNewModelAndKeepsTheOldOneOnFailure()
    {
        using var folder = new TempModelFolder();
        var copy = folder.CopyOf(Model);
        var clock = new HistoricalScheduler(T0);
        using var hub = Hub(clock, 26);
        using var app = Prepare(hub, "activity");
        var decisions = app.Build(Context(hub, clock)).Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(5));
        var problems = new List<string>();

        app.Reconfigure(Options(model: Path.Combine(folder.Path, "missing.onnx")), problems);
        Assert.StartsWith("Model: ", Assert.Single(problems), StringComparison.Ordinal);
        app.Reconfigure(Options(model: copy), problems = []);
        var swappedAt = decisions.Values.Count;
        clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Empty(problems);
        Assert.Equal(["copy.onnx"], app.Models.Keys);
        Assert.True(decisions.Values.Count >= swappedAt + 4);
        Assert.Null(decisions.Error);
        Assert.All(decisions.Values.Cast<Decision>(), d => Assert.Equal("walking", d.Label));
    }

    private static SensorHub Hub(IScheduler clock, double rate)
    {
        var hub = new SensorHub();
        var source = new ImuReplaySource("imu", new ReplayOptions { Path = Walking, SampleRateHz = rate }, clock);
        hub.Add(new SharedSensor<ImuSample>(source, scheduler: clock));
        return hub;
    }

    private static ActivityAppOptions Options(double minConfidence = 0, string? model = null) =>
        new() { Kind = "activity", Sensor = "imu", Model = model ?? Model, MinConfidence = minConfidence };

    private sealed class TempModelFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sensact-models-").FullName;

        /// <summary>Copies a model and its card as <c>copy.onnx</c> / <c>copy.json</c>.</summary>
        public string CopyOf(string model)
        {
            var copy = System.IO.Path.Combine(Path, "copy.onnx");
            File.Copy(model, copy);
            File.Copy(System.IO.Path.ChangeExtension(model, ".json"), System.IO.Path.ChangeExtension(copy, ".json"));
            return copy;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private static IApplication Prepare(SensorHub hub, string name)
    {
        var problems = new List<string>();
        var app = new ActivityKind().Prepare(name, Options(), hub, problems);
        Assert.Empty(problems);
        return app!;
    }

    private static AppBuildContext Context(SensorHub hub, IScheduler clock) => new(hub, clock, TimeProvider.System, NullLoggerFactory.Instance);
}
