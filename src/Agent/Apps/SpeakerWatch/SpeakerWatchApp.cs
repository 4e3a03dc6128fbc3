using System.Diagnostics.Metrics;
using System.Reactive.Linq;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Encoding.Audio;
using Sensact.Pipelines.Encoding.Vision;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Multimodal;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Apps.SpeakerWatch;

/// <summary>
/// One speaker-watch application: the microphone's periods and the camera's frames, each through its
/// consumer on the application's scheduler, into a <see cref="MultimodalPipeline"/> (audio fast,
/// camera slow) whose windows become decisions. Failed windows and invalid units are counted on the
/// applications' meter (<c>sensact.app.windows.failed</c>, <c>sensact.app.units.invalid</c>).
/// </summary>
internal sealed class SpeakerWatchApp : IApplication
{
    /// <summary>The audio modality's name in the pipeline.</summary>
    internal const string Audio = "audio";

    /// <summary>The camera modality's name in the pipeline.</summary>
    internal const string Camera = "camera";

    private readonly string _name;
    private readonly SpeakerWatchAppOptions _options;
    private readonly SileroVadEncoder _vad;
    private readonly UltraFaceEncoder _face;
    private readonly ISharedSensor _audio;
    private readonly ISharedSensor _camera;
    private readonly PresenceRule _rule;
    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private SensorConsumer<AudioChunk>? _audioConsumer;
    private SensorConsumer<ImageFrame>? _cameraConsumer;
    private MultimodalPipeline? _pipeline;
    private long _failedBefore;
    private long _invalidBefore;

    public SpeakerWatchApp(string name, SpeakerWatchAppOptions options, SileroVadEncoder vad, UltraFaceEncoder face, ISharedSensor audio, ISharedSensor camera)
    {
        _name = name;
        _options = options;
        _vad = vad;
        _face = face;
        _audio = audio;
        _camera = camera;
        _rule = new PresenceRule(options.ToRuleOptions());
        Source = $"{audio.Name},{camera.Name}";
        Models = new Dictionary<string, ModelCard>
        {
            [Path.GetFileName(options.VadModel)] = vad.Card,
            [Path.GetFileName(options.FaceModel)] = face.Detector.Card,
        };
        _meter = new Meter(AppMetrics.MeterName);
        var app = new KeyValuePair<string, object?>("app", name);
        _meter.CreateObservableCounter("sensact.app.windows.failed", () => new Measurement<long>(Failed, app), "{window}", "Decision windows that failed because an encoder threw");
        _meter.CreateObservableCounter("sensact.app.units.invalid", () => new Measurement<long>(Invalid, app), "{unit}", "Units whose encoder scores were NaN or infinite");
    }

    public string Name => _name;

    public string Kind => "speaker-watch";

    public IReadOnlyDictionary<string, ModelCard> Models { get; }

    public IReadOnlyCollection<string> LiveKeys { get; } = [];

    /// <summary>Gets the source named on decisions: the two sensors, microphone first.</summary>
    public string Source { get; }

    /// <summary>Gets the windows that failed, over every build.</summary>
    public long Failed
    {
        get
        {
            lock (_gate)
            {
                return _failedBefore + (_pipeline?.Counters.WindowsFailed ?? 0);
            }
        }
    }

    /// <summary>Gets the invalid units, over every build.</summary>
    public long Invalid
    {
        get
        {
            lock (_gate)
            {
                return _invalidBefore + (_pipeline is null ? 0 : InvalidOf(_pipeline));
            }
        }
    }

    /// <summary>Gets the pipeline of the latest build (for its counters); null before the first.</summary>
    internal MultimodalPipeline? Pipeline
    {
        get
        {
            lock (_gate)
            {
                return _pipeline;
            }
        }
    }

    public IObservable<AppEvent> Build(AppBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var audio = context.Sensors.Get<AudioChunk>(_audio.Name);
        var camera = context.Sensors.Get<ImageFrame>(_camera.Name);

        // One consumer per sensor for the application's lifetime: a restart subscribes them again.
        var audioConsumer = _audioConsumer ??= audio.Consume(_name, _options.Delivery, context.Scheduler);
        var cameraConsumer = _cameraConsumer ??= camera.Consume(_name, _options.Delivery, context.Scheduler);
        var framesPerSecond = (camera.Source as ISampledSensor)?.SampleRateHz ?? 10;
        var pipelineOptions = _options.ToPipelineOptions();
        var truth = new WindowTruth(pipelineOptions.Window, _rule.Labels[0], _rule.Labels[1]);
        var audioFrames = audio.Source is IGroundTruth
            ? audioConsumer.Frames.Do(frame => truth.Observe(frame.OriginatingTime, (audio.Source as IGroundTruth)?.CurrentLabel))
            : audioConsumer.Frames;
        var pipeline = MultimodalPipeline.Create(
            pipelineOptions,
            [
                Modality.Create(Audio, audioFrames, _vad, TimeSpan.FromSeconds(1 / SpeakerWatchKind.PeriodsPerSecond), ModalityRole.Fast),
                Modality.Create(Camera, cameraConsumer.Frames, _face, TimeSpan.FromSeconds(1 / framesPerSecond), ModalityRole.Slow),
            ],
            _rule,
            scheduler: context.Scheduler);
        lock (_gate)
        {
            if (_pipeline is not null)
            {
                _failedBefore += _pipeline.Counters.WindowsFailed;
                _invalidBefore += InvalidOf(_pipeline);
            }

            _pipeline = pipeline;
        }

        return pipeline.Results
            .Select(result => result.ToDecision(_name, Source) is { } decision ? decision with { Truth = truth.Of(result.Window) } : null)
            .Where(decision => decision is not null)
            .Select(decision => (AppEvent)decision!);
    }

    public void CheckSource(string sensor, object source, ICollection<string> problems)
    {
        if (sensor == _audio.Name && SpeakerWatchKind.AudioProblem(sensor, source) is { } problem)
        {
            problems.Add(problem);
        }
    }

    public void Reconfigure(AppOptions options, ICollection<string> problems)
    {
        // No key is live: the window, the strategy and the thresholds are read when the pipeline is built.
    }

    public void Dispose()
    {
        _meter.Dispose();
        _vad.Dispose();
        _face.Dispose();
    }

    private static long InvalidOf(MultimodalPipeline pipeline) => pipeline.Counters.Modalities.Sum(m => m.UnitsInvalid);
}
