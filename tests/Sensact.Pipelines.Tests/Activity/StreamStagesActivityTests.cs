using System.Numerics;
using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Text.Json;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Windows;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Activity;

public class StreamStagesActivityTests
{
    private const int WindowSize = 4;
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class FakeClassifier(Func<float[], ActivityPrediction> classify) : IActivityClassifier
    {
        public List<float[]> Seen { get; } = [];

        public IReadOnlyList<string> Labels { get; } = ["still", "moving"];

        public ActivityModelCard Card { get; } = new(["still", "moving"], WindowSize, 2, 26);

        public ActivityPrediction Classify(ReadOnlySpan<float> features)
        {
            Seen.Add(features.ToArray());
            return classify(features.ToArray());
        }
    }

    private static FakeClassifier Moving() => new(_ => new ActivityPrediction("moving", 0.8f, [0.2f, 0.8f]));

    private static SensorWindow<ImuSample> Window(long sequence, long endMs, int length = WindowSize) =>
        SensorWindows.FromFrames(
            Enumerable.Range(0, length)
                .Select(i => new Frame<ImuSample>(ImuSample.FromMilliG(0, i * 100, 1000), Epoch.AddMilliseconds(endMs - ((length - 1 - i) * 40)), "imu0", (sequence * 2) + i)),
            sequence);

    private static IObservable<T> At<T>(HistoricalScheduler scheduler, params (long Ms, Notification<T> Notification)[] items) =>
        Observable.Create<T>(observer => new CompositeDisposable(
            items.Select(item => scheduler.ScheduleAbsolute(Epoch.AddMilliseconds(item.Ms), () => item.Notification.Accept(observer)))));

    private static HistoricalScheduler Clock() => new(Epoch);

    [Fact]
    public void ClassifyActivity_NullSource_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("windows", () => ((IObservable<SensorWindow<ImuSample>>)null!).ClassifyActivity(Moving()));

    [Fact]
    public void ClassifyActivity_NullClassifier_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("classifier", () => Observable.Empty<SensorWindow<ImuSample>>().ClassifyActivity(null!));

    [Fact]
    public void ClassifyActivity_EmptyAppName_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("app", () => Observable.Empty<SensorWindow<ImuSample>>().ClassifyActivity(Moving(), app: ""));

    [Fact]
    public void ClassifyActivity_EmptySource_CompletesWithoutDecisions()
    {
        var clock = Clock();
        var source = At(clock, (100, Notification.CreateOnCompleted<SensorWindow<ImuSample>>()));

        var recorder = source.ClassifyActivity(Moving(), clock).Record(clock);
        clock.Start();

        Assert.Empty(recorder.Values);
        Assert.True(recorder.Completed);
        Assert.Equal(Epoch.AddMilliseconds(100), recorder.Messages.Single().Time);
    }

    [Fact]
    public void ClassifyActivity_ErrorSource_ForwardsError()
    {
        var clock = Clock();
        var boom = new InvalidOperationException("sensor lost");
        var source = At(clock, (100, Notification.CreateOnNext(Window(0, 90))), (200, Notification.CreateOnError<SensorWindow<ImuSample>>(boom)));

        var recorder = source.ClassifyActivity(Moving(), clock).Record(clock);
        clock.Start();

        Assert.Single(recorder.Values);
        Assert.Same(boom, recorder.Error);
    }

    [Fact]
    public void ClassifyActivity_DisposedEarly_StopsClassifying()
    {
        var clock = Clock();
        var classifier = Moving();
        var source = At(clock, (100, Notification.CreateOnNext(Window(0, 90))), (200, Notification.CreateOnNext(Window(1, 190))));

        var recorder = source.ClassifyActivity(classifier, clock).Record(clock, out var subscription);
        clock.AdvanceTo(Epoch.AddMilliseconds(150));
        subscription.Dispose();
        clock.Start();

        Assert.Single(recorder.Values);
        Assert.Single(classifier.Seen);
    }

    [Fact]
    public void ClassifyActivity_Windows_DecisionPerWindowWithLatencyFromWindowEnd()
    {
        var clock = Clock();
        var source = At(clock, (130, Notification.CreateOnNext(Window(0, 100))), (260, Notification.CreateOnNext(Window(1, 250))),
            (300, Notification.CreateOnCompleted<SensorWindow<ImuSample>>()));

        var recorder = source.ClassifyActivity(Moving(), clock, "gate").Record(clock);
        clock.Start();

        Assert.Collection(
            recorder.Values,
            first =>
            {
                Assert.Equal(("gate", "moving", 0.8f, TimeSpan.FromMilliseconds(30), Epoch.AddMilliseconds(100), "imu0", 0L),
                    (first.App, first.Label, first.Confidence, first.Latency, first.OriginatingTime, first.Source, first.Sequence));
                Assert.Equal(0.2f, first.Probabilities["still"]);
                Assert.Equal(0.8f, first.Probabilities["moving"]);
            },
            second =>
            {
                Assert.Equal(TimeSpan.FromMilliseconds(10), second.Latency);
                Assert.Equal(1L, second.Sequence);
            });
        Assert.True(recorder.Completed);
    }

    [Fact]
    public void ClassifyActivity_Window_ClassifierSeesItsFeatures()
    {
        var clock = Clock();
        var classifier = Moving();
        var window = Window(0, 100);
        var expected = new float[ActivityFeatures.Count];
        ActivityFeatures.Extract(window.Frames.ToArray().Select(f => f.Payload).ToArray(), expected);

        Observable.Return(window).ClassifyActivity(classifier, clock).Record(clock);

        Assert.Equal(expected, Assert.Single(classifier.Seen));
    }

    [Fact]
    public void ClassifyActivity_ClassifierThrows_OnErrorAndNoMoreDecisions()
    {
        var clock = Clock();
        var calls = 0;
        var classifier = new FakeClassifier(_ => ++calls == 2 ? throw new InvalidOperationException("model crashed") : new ActivityPrediction("still", 1, [1f, 0f]));
        var source = At(clock, (100, Notification.CreateOnNext(Window(0, 90))), (200, Notification.CreateOnNext(Window(1, 190))),
            (300, Notification.CreateOnNext(Window(2, 290))));

        var recorder = source.ClassifyActivity(classifier, clock).Record(clock);
        clock.Start();

        Assert.Single(recorder.Values);
        Assert.Equal("model crashed", Assert.IsType<InvalidOperationException>(recorder.Error).Message);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void ClassifyActivity_WrongWindowLength_OnErrorNamingBothLengths()
    {
        var clock = Clock();
        var classifier = Moving();
        var source = At(clock, (100, Notification.CreateOnNext(Window(7, 90, length: 3))));

        var recorder = source.ClassifyActivity(classifier, clock).Record(clock);
        clock.Start();

        var error = Assert.IsType<InvalidOperationException>(recorder.Error);
        Assert.Contains("holds 3 readings", error.Message, StringComparison.Ordinal);
        Assert.Contains("expects 4", error.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Values);
        Assert.Empty(classifier.Seen);
    }

    private sealed record ReferenceWindow(string Label, string Predicted, float[][] Samples, float[] Probabilities);

    [Fact]
    public void ClassifyActivity_ShippedModelOnReferenceWindows_DecisionsMatchReferences()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "models", "activity");
        var references = JsonSerializer.Deserialize<List<ReferenceWindow>>(File.ReadAllText(Path.Combine(folder, "reference-windows.json")))!;
        using var classifier = OnnxActivityClassifier.Load(Path.Combine(folder, OnnxActivityClassifier.FileName));
        var clock = Clock();
        var period = TimeSpan.FromSeconds(1 / classifier.Card.SampleRateHz);
        var windows = references.Select((r, w) => SensorWindows.FromFrames(
            r.Samples.Select((s, i) => new Frame<ImuSample>(ImuSample.FromMilliG(s[0], s[1], s[2]), Epoch + (period * ((w * 100) + i)), "imu0", i)),
            w));

        var recorder = windows.ToObservable().ClassifyActivity(classifier, clock).Record(clock);

        Assert.Equal(references.Select(r => r.Predicted), recorder.Values.Select(d => d.Label));
        for (var w = 0; w < references.Count; w++)
        {
            for (var c = 0; c < classifier.Labels.Count; c++)
            {
                Assert.True(Math.Abs(references[w].Probabilities[c] - recorder.Values[w].Probabilities[classifier.Labels[c]]) <= 1e-4);
            }
        }

        Assert.True(recorder.Completed);
    }
}
