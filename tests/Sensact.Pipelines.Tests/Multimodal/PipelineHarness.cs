using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Sensact.Devices;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Encoding;
using Sensact.Pipelines.Exits;
using Sensact.Pipelines.Multimodal;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Multimodal;

/// <summary>
/// A speaker-watch-like pipeline in virtual time: audio (fast, 10 frames/s, one frame per unit,
/// score <c>speech</c>) and camera (slow, 5 frames/s, score <c>face</c>), 1 s windows from <see cref="Scene.T0"/>.
/// </summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly Subject<Frame<float>> _audio = new();
    private readonly Subject<Frame<float>> _camera = new();

    public PipelineHarness(
        InferenceStrategy strategy,
        Action<MultimodalPipelineOptions>? configure = null,
        ISkipGate? gate = null,
        float cameraPrior = 0.5f,
        EncoderReset audioReset = EncoderReset.Window,
        bool countingAudio = false)
    {
        AudioEncoder = new ScriptedEncoder("speech", reset: audioReset, counting: countingAudio);
        CameraEncoder = new ScriptedEncoder("face");
        var options = new MultimodalPipelineOptions { Strategy = strategy };
        options.Window.Epoch = Scene.T0;
        configure?.Invoke(options);
        var rule = new PresenceRuleOptions();
        rule.Modalities["audio"] = new PresenceModalityOptions { Score = "speech" };
        rule.Modalities["camera"] = new PresenceModalityOptions { Score = "face", Prior = cameraPrior };
        Pipeline = MultimodalPipeline.Create(
            options,
            [
                Modality.Create("audio", _audio, AudioEncoder, TimeSpan.FromMilliseconds(100), ModalityRole.Fast),
                Modality.Create("camera", _camera, CameraEncoder, TimeSpan.FromMilliseconds(200), ModalityRole.Slow),
            ],
            new PresenceRule(rule),
            gate,
            Clock);
        Recorder = Pipeline.Results.Record(Clock, out var subscription);
        Subscription = subscription;
    }

    public HistoricalScheduler Clock { get; } = new(Scene.T0);

    public ScriptedEncoder AudioEncoder { get; }

    public ScriptedEncoder CameraEncoder { get; }

    public MultimodalPipeline Pipeline { get; }

    public RecordingObserver<WindowResult> Recorder { get; }

    public IDisposable Subscription { get; }

    public IReadOnlyList<WindowResult> Results => Recorder.Values;

    /// <summary>Runs <paramref name="seconds"/> of scene: audio and camera payloads as functions of the time in ms.</summary>
    public PipelineHarness Run(int seconds, Func<int, float> speech, Func<int, float> face, Func<Frame<float>, bool>? keepAudio = null, Func<Frame<float>, bool>? keepCamera = null, bool completeCamera = true)
    {
        // Camera frames are scheduled first, so at a shared instant the camera's frame comes first.
        Scene.Feed(Clock, _camera, Scene.Frames("camera", 200, seconds, face).Where(keepCamera ?? (_ => true)), completeCamera);
        Scene.Feed(Clock, _audio, Scene.Frames("audio", 100, seconds, speech).Where(keepAudio ?? (_ => true)));
        Clock.Start();
        return this;
    }

    public void Dispose()
    {
        Subscription.Dispose();
        _audio.Dispose();
        _camera.Dispose();
    }
}
