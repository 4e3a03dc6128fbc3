using System.Diagnostics.Metrics;
using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Apps;
using Sensact.Agent.Apps.SpeakerWatch;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Multimodal;
using Sensact.Pipelines.Sensors;
using Sensact.Simulators;
using Sensact.Testing;

namespace Sensact.Agent.Tests.Apps;

/// <summary>
/// The speaker-watch kind on the simulated speaker-watch scene, in virtual time, with the real
/// Silero VAD and UltraFace models: decisions per window with the scene's truth.
/// </summary>
public sealed class SpeakerWatchAppTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Models = Path.Combine(AppContext.BaseDirectory, "models");

    [Theory]
    [InlineData("full")]
    [InlineData("wait-for-complete")]
    public void Build_SimulatedScene_DecidesEachWindowWithTruthMostlyRight(string strategy)
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = Hub(clock);
        using var app = Prepare(hub, Options(strategy));

        var decisions = app.Build(Context(hub, clock)).Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(12.5));

        Assert.Null(decisions.Error);
        var made = decisions.Values.Cast<Decision>().ToList();
        Assert.InRange(made.Count, 11, 13);
        Assert.All(made, d => Assert.Equal(("speaker-watch", "mic,camera"), (d.App, d.Source)));
        Assert.All(made, d => Assert.Contains(d.Truth, new[] { "speaking-in-view", "not-speaking-in-view" }));
        Assert.All(made, d => Assert.Equal(1f, d.Probabilities.Values.Sum(), 3));
        Assert.Contains(made, d => d.Truth == "speaking-in-view");
        Assert.Contains(made, d => d.Truth == "not-speaking-in-view");
        var right = made.Count(d => d.Label == d.Truth);
        Assert.True(right >= made.Count - 2, $"{right}/{made.Count} right");
        Assert.Equal(0, app.Failed);
    }

    [Fact]
    public void Build_Full_EncodesFewerCameraFramesThanWaitForComplete()
    {
        long CameraInvocations(string strategy)
        {
            var clock = new HistoricalScheduler(T0);
            using var hub = Hub(clock);
            using var app = Prepare(hub, Options(strategy));
            app.Build(Context(hub, clock)).Record(clock);
            clock.AdvanceBy(TimeSpan.FromSeconds(8.5));
            return app.Pipeline!.Counters[SpeakerWatchApp.Camera].EncoderInvocations;
        }

        Assert.True(CameraInvocations("full") < CameraInvocations("wait-for-complete"));
    }

    [Fact]
    public void Prepare_AudioPeriodNot512_NamesTheSensorKeys()
    {
        using var hub = Hub(new HistoricalScheduler(T0), periodSamples: 1024);
        var problems = new List<string>();

        var app = new SpeakerWatchKind().Prepare("speaker-watch", Options("full"), hub, problems);

        Assert.Null(app);
        var problem = Assert.Single(problems);
        Assert.Contains("Sensors:mic:PeriodSamples", problem, StringComparison.Ordinal);
        Assert.Contains("Sensors:mic:SampleRateHz", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_SensorsSwapped_NamesBothPayloads()
    {
        using var hub = Hub(new HistoricalScheduler(T0));
        var options = Options("full");
        options.Sensors = ["camera", "mic"];
        var problems = new List<string>();

        Assert.Null(new SpeakerWatchKind().Prepare("speaker-watch", options, hub, problems));

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("Sensors: sensor '", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_CardDoesNotMatchTheModel_StopsWithTheTensorNames()
    {
        // The Silero VAD card beside an UltraFace model: the card's tensors are not the model's.
        var folder = Directory.CreateTempSubdirectory("sensact-speaker-").FullName;
        try
        {
            File.Copy(Path.Combine(Models, "ultraface", "version-slim-320.onnx"), Path.Combine(folder, "vad.onnx"));
            File.Copy(Path.Combine(Models, "silero-vad", "silero_vad.json"), Path.Combine(folder, "vad.json"));
            using var hub = Hub(new HistoricalScheduler(T0));
            var options = Options("full");
            options.VadModel = Path.Combine(folder, "vad.onnx");
            var problems = new List<string>();

            Assert.Null(new SpeakerWatchKind().Prepare("speaker-watch", options, hub, problems));

            var problem = Assert.Single(problems);
            Assert.StartsWith("VadModel: ", problem, StringComparison.Ordinal);
            Assert.Contains("input 'input' has shape [1, 3, 240, 320] in the model", problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Prepare_BadValues_ListsEveryKey()
    {
        using var hub = Hub(new HistoricalScheduler(T0));
        var options = Options("fastest");
        options.ExitThreshold = 1.5f;
        options.Window = TimeSpan.Zero;
        options.FaceTopK = 0;
        options.Inference.IntraOpThreads = 0;
        var problems = new List<string>();

        Assert.Null(new SpeakerWatchKind().Prepare("speaker-watch", options, hub, problems));

        Assert.Equal(
            ["ExitThreshold", "FaceTopK", "Inference:IntraOpThreads", "Strategy", "Window"],
            problems.Select(p => p[..p.IndexOfAny([' ', ':'], p.StartsWith("Inference:", StringComparison.Ordinal) ? 10 : 0)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Metrics_FailedWindowsAndInvalidUnits_AreObservableOnTheAppsMeter()
    {
        using var hub = Hub(new HistoricalScheduler(T0));
        using var app = Prepare(hub, Options("full"));
        var seen = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen.Add($"{instrument.Name}={value}"));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains("sensact.app.windows.failed=0", seen);
        Assert.Contains("sensact.app.units.invalid=0", seen);
    }

    private static SpeakerWatchAppOptions Options(string strategy) => new()
    {
        Kind = "speaker-watch",
        Sensors = ["mic", "camera"],
        Strategy = strategy,
        VadModel = Path.Combine(Models, "silero-vad", "silero_vad.onnx"),
        FaceModel = Path.Combine(Models, "ultraface", "version-RFB-320.onnx"),
    };

    private static SensorHub Hub(IScheduler clock, int periodSamples = 512)
    {
        var hub = new SensorHub();
        var audio = new SimulatedSensorOptions { Scene = "speaker-watch", Stream = Simulators.Scenes.SceneModality.Audio, Seed = 3, PeriodSamples = periodSamples };
        var camera = new SimulatedSensorOptions { Scene = "speaker-watch", Stream = Simulators.Scenes.SceneModality.Camera, Seed = 3, FrameRateHz = 10 };
        hub.Add(new SharedSensor<AudioChunk>(SimulatedScenes.CreateAudio("mic", audio, clock), scheduler: clock));
        hub.Add(new SharedSensor<ImageFrame>(SimulatedScenes.CreateCamera("camera", camera, clock), scheduler: clock));
        return hub;
    }

    private static SpeakerWatchApp Prepare(SensorHub hub, SpeakerWatchAppOptions options)
    {
        var problems = new List<string>();
        var app = new SpeakerWatchKind().Prepare("speaker-watch", options, hub, problems);
        Assert.Empty(problems);
        return Assert.IsType<SpeakerWatchApp>(app);
    }

    private static AppBuildContext Context(SensorHub hub, IScheduler clock) => new(hub, clock, TimeProvider.System, NullLoggerFactory.Instance);
}
