using System.Reactive.Concurrency;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Exits;
using Sensact.Pipelines.Units;

namespace Sensact.Pipelines.Multimodal;

/// <summary>
/// One subscription of a <see cref="MultimodalPipeline"/>: the open windows, the modalities' runners
/// and the decisions, under one lock (the modalities' frames may come on different threads).
/// </summary>
internal sealed partial class WindowEngine : IDisposable
{
    private readonly MultimodalPipelineOptions _options;
    private readonly MultimodalPipeline _pipeline;
    private readonly IObserver<WindowResult> _observer;
    private readonly IScheduler _scheduler;
    private readonly ISkipGate? _gate;
    private readonly ModalityRunner[] _runners;
    private readonly IDisposable[] _subscriptions;
    private readonly List<WindowState> _open;
    private readonly Stack<WindowState> _pool = new();
    private readonly long[] _latest;
    private readonly bool[] _done;
    private readonly ModalityProgress[] _progress;
    private readonly float[] _probabilities;
    private readonly float[] _features;
    private readonly Random? _auditSample;

    // Copies of the pipeline's per-modality facts, read on every unit without interface calls.
    private readonly bool[] _fast;
    private readonly bool[] _slow;
    private readonly int[] _expected;
    private readonly ModalityCounters[] _counters;

    public WindowEngine(MultimodalPipeline pipeline, IObserver<WindowResult> observer)
    {
        _pipeline = pipeline;
        _options = pipeline.Options;
        _observer = observer;
        _scheduler = pipeline.Scheduler;
        _gate = _options.Strategy == InferenceStrategy.Full ? pipeline.Gate : null;
        var count = pipeline.Modalities.Count;
        _runners = [.. pipeline.Modalities.Select((m, i) => m.CreateRunner(this, i))];
        _subscriptions = new IDisposable[count];
        _latest = Enumerable.Repeat(long.MinValue, count).ToArray();
        _done = new bool[count];
        _progress = new ModalityProgress[count];
        _probabilities = new float[pipeline.Rule.Labels.Count];
        _features = new float[pipeline.Rule.FeatureCount * count];
        var audit = _options.Strategy == InferenceStrategy.Full && _options.AuditFraction > 0;
        _auditSample = audit ? new Random(_options.AuditSeed) : null;
        _fast = [.. pipeline.Modalities.Select(m => m.Role == ModalityRole.Fast)];
        _slow = [.. _fast.Select(fast => !fast)];
        _expected = [.. pipeline.Descriptors.Select(d => d.UnitsExpected)];
        _counters = [.. pipeline.Counters.Modalities];
        _open = new List<WindowState>(_options.MaxOpenWindows + 1);
        for (var i = 0; i <= _options.MaxOpenWindows; i++)
        {
            var descriptors = pipeline.Descriptors;
            _pool.Push(new WindowState(count, pipeline.Rule.CreateEvidence(descriptors), audit ? pipeline.Rule.CreateEvidence(descriptors) : null));
        }
    }

    public Lock Gate { get; } = new();

    public bool Running { get; private set; } = true;

    public WindowPlan Plan => _options.Window;

    private PipelineCounters Counters => _pipeline.Counters;

    public void Start()
    {
        for (var i = 0; i < _runners.Length && Running; i++)
        {
            _subscriptions[i] = _runners[i].Subscribe();
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            Running = false;
            foreach (var state in _open)
            {
                state.Timer?.Dispose();
            }

            foreach (var runner in _runners)
            {
                runner.ReleaseAll();
            }
        }

        foreach (var subscription in _subscriptions)
        {
            subscription?.Dispose();
        }
    }

    public bool IsOpen(long window) => Find(window) is { Decided: false };

    public void OnError(Exception error)
    {
        lock (Gate)
        {
            if (Running)
            {
                Running = false;
                _observer.OnError(error);
            }
        }
    }

    public void OnLateFrame(int modality) => _counters[modality].LateFrame();

    public void OnFrame(int modality, long window, DateTimeOffset time)
    {
        _latest[modality] = Math.Max(_latest[modality], window);

        // A modality that has moved on has nothing more for any earlier window.
        CloseThrough(modality, window - 1);
        var state = Find(window);
        if (state is null)
        {
            state = Open(window);
            state.FirstSensed = time;
        }

        if (!state.Decided)
        {
            state.LastSensed = time;
        }
    }

    public UnitAction OnUnit(int modality, long window, bool auditable)
    {
        var state = Find(window);
        if (state is null || state.Decided)
        {
            _counters[modality].AfterDecision();
            return UnitAction.Drop;
        }

        state.Seen[modality]++;
        if (state.SkipSlow && !_fast[modality])
        {
            state.Skipped[modality]++;
            _counters[modality].Skipped();
            if (_auditSample is not null && auditable && _auditSample.NextDouble() < _options.AuditFraction)
            {
                state.Audits++;
                return UnitAction.Audit;
            }

            return UnitAction.Drop;
        }

        return _options.Strategy == InferenceStrategy.WaitForComplete ? UnitAction.Hold : UnitAction.Encode;
    }

    public void OnEncoded(int modality, long window, EncodeStatus status, ReadOnlySpan<float> scores, Exception? error)
    {
        var state = Find(window);
        if (state is null || state.Decided)
        {
            return;
        }

        var counters = _counters[modality];
        counters.Invoked();
        state.Encoded[modality]++;
        if (status == EncodeStatus.Failed)
        {
            Fail(state, modality, error!);
            return;
        }

        if (status == EncodeStatus.Invalid)
        {
            state.Invalid[modality]++;
            counters.Invalid();
        }
        else
        {
            state.Evidence.Add(modality, scores);
            state.Shadow?.Add(modality, scores);
        }

        state.EncodedTotal++;
        var fast = _fast[modality];
        if (fast)
        {
            state.FastEncoded++;
        }

        if (_options.Strategy is InferenceStrategy.WaitForComplete or InferenceStrategy.Pipelined)
        {
            return;
        }

        var confidence = Predict(state);
        if (state.EncodedTotal >= _options.MinUnitsBeforeExit && confidence >= _options.ExitThreshold)
        {
            Decide(state, early: true);
            return;
        }

        if (_gate is not null && fast && !state.SkipSlow && _pipeline.HasSlow)
        {
            var width = _pipeline.Rule.FeatureCount;
            var written = 0;
            for (var m = 0; m < _runners.Length; m++)
            {
                if (_fast[m])
                {
                    state.Evidence.WriteFeatures(m, _progress[m], _features.AsSpan(written, width));
                    written += width;
                }
            }

            // Skipping is safe only when the slow modalities can no longer change the label: the
            // fused confidence alone would count their priors as evidence.
            var settled = state.Evidence.SettledConfidence(_progress, _slow);
            state.SkipSlow = _gate.ShouldSkip(new SkipGateInput(_features.AsSpan(0, written), settled, state.FastEncoded));
        }
    }

    public void OnAudited(int modality, WindowState state, EncodeStatus status, ReadOnlySpan<float> scores)
    {
        _counters[modality].Audited();
        if (status == EncodeStatus.Valid)
        {
            state.Shadow?.Add(modality, scores);
            state.Skipped[modality]--;
        }
    }

    public void OnWindowComplete(int modality, long window) => CloseThrough(modality, window);

    public void OnModalityCompleted(int modality)
    {
        _done[modality] = true;
        CloseThrough(modality, long.MaxValue);
        if (Array.TrueForAll(_done, d => d))
        {
            Running = false;
            _observer.OnCompleted();
        }
    }
}
