using BenchmarkDotNet.Attributes;
using Sensact.Benchmarks.Sensors;
using Sensact.Devices;
using Sensact.Pipelines;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Multimodal;
using Sensact.Pipelines.Units;

namespace Sensact.Benchmarks.Multimodal;

/// <summary>
/// The pipelined-inference stages' plumbing per frame with a trivial encoder, on one thread (one
/// operation = <see cref="FramesPerInvoke"/> frames): the units stage alone, and the whole pipeline
/// (units, encoding, presence evidence, exit and skip checks) for one modality and for two
/// (audio fast + camera slow, both at 1 kHz). Windows are 1 s of 1 ms frames, so a window's result
/// record is made every 1,000 frames (per modality); every subscription is made in <see cref="Setup"/>.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup] and needs an unsealed class.
public class PipelinedStagesBenchmarks
#pragma warning restore CA1001
{
    /// <summary>Frames pushed per benchmark invocation (per modality); the reported times and bytes are per frame.</summary>
    public const int FramesPerInvoke = 100_000;

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly FramePush _bare = new();
    private readonly FramePush _unitsOnly = new();
    private readonly FramePush _oneAudio = new();
    private readonly FramePush _twoAudio = new();
    private readonly FramePush _twoCamera = new();
    private readonly FramePush _fullAudio = new();
    private readonly FramePush _fullCamera = new();
    private long _sequence;
    private long _pushed;
    private long _units;
    private long _windows;

    /// <summary>Gets or sets the strategy of the pipeline benchmarks.</summary>
    [Params(InferenceStrategy.Pipelined, InferenceStrategy.WaitForComplete)]
    public InferenceStrategy Strategy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var plan = new WindowPlan { Epoch = T0 };
        _subscriptions.Add(_bare.Subscribe(_ => _pushed++));
        _subscriptions.Add(_unitsOnly.Units(plan, 1).Subscribe(_ => _units++));
        _subscriptions.Add(Pipeline(Strategy, ("audio", _oneAudio, ModalityRole.Fast)).Results.Subscribe(_ => _windows++));
        _subscriptions.Add(Pipeline(Strategy, ("audio", _twoAudio, ModalityRole.Fast), ("camera", _twoCamera, ModalityRole.Slow)).Results.Subscribe(_ => _windows++));
        _subscriptions.Add(Pipeline(InferenceStrategy.Full, ("audio", _fullAudio, ModalityRole.Fast), ("camera", _fullCamera, ModalityRole.Slow)).Results.Subscribe(_ => _windows++));
    }

    [GlobalCleanup]
    public void Cleanup() => _subscriptions.ForEach(s => s.Dispose());

    /// <summary>The baseline: the same frames pushed to a subscriber that only counts them.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerInvoke)]
    public long BarePush()
    {
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            _bare.Push(Next());
        }

        return _pushed;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long UnitsStage()
    {
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            _unitsOnly.Push(Next());
        }

        return _units;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long PipelineOneModality()
    {
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            _oneAudio.Push(Next());
        }

        return _windows;
    }

    /// <summary>Two modalities: a "frame" here is one audio and one camera frame.</summary>
    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long PipelineTwoModalities()
    {
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            var frame = Next();
            _twoAudio.Push(frame);
            _twoCamera.Push(frame);
        }

        return _windows;
    }

    /// <summary>Two modalities, strategy full: the audio is sure of absence, so the camera is skipped and windows exit early.</summary>
    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long PipelineFullTwoModalities()
    {
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            var frame = Next();
            _fullAudio.Push(frame with { Payload = 0f });
            _fullCamera.Push(frame);
        }

        return _windows;
    }

    private static MultimodalPipeline Pipeline(InferenceStrategy strategy, params (string Name, FramePush Frames, ModalityRole Role)[] modalities)
    {
        var options = new MultimodalPipelineOptions { Strategy = strategy };
        options.Window.Epoch = T0;
        var rule = new PresenceRuleOptions();
        foreach (var (name, _, _) in modalities)
        {
            rule.Modalities[name] = new PresenceModalityOptions { Score = "score" };
        }

        return MultimodalPipeline.Create(
            options,
            [.. modalities.Select(m => Modality.Create(m.Name, m.Frames, new TrivialEncoder("score"), TimeSpan.FromMilliseconds(1), m.Role))],
            new PresenceRule(rule));
    }

    // 1 ms apart: time only moves forward, so every invocation cuts new windows.
    private Frame<float> Next()
    {
        var sequence = _sequence++;
        return new Frame<float>(0.5f, T0.AddTicks(sequence * TimeSpan.TicksPerMillisecond), "bench", sequence);
    }
}
