using System.Reactive.Concurrency;
using Sensact.Pipelines.Aggregation;

namespace Sensact.Pipelines.Multimodal;

/// <summary>The windows' life: open, close per modality, decide or fail, recycle.</summary>
internal sealed partial class WindowEngine
{
    private static bool AllClosed(WindowState state)
    {
        foreach (var closed in state.Closed)
        {
            if (!closed)
            {
                return false;
            }
        }

        return true;
    }

    private WindowState? Find(long window)
    {
        foreach (var state in _open)
        {
            if (state.Index == window)
            {
                return state;
            }
        }

        return null;
    }

    private WindowState Open(long window)
    {
        while (_open.Count >= _options.MaxOpenWindows)
        {
            // Too many windows wait for a lagging modality: decide the oldest with what it has.
            var oldest = _open[0];
            foreach (var state in _open)
            {
                oldest = state.Index < oldest.Index ? state : oldest;
            }

            CloseAll(oldest.Index);
        }

        var opened = _pool.Pop();
        opened.Reset(window);
        for (var m = 0; m < _runners.Length; m++)
        {
            opened.Closed[m] = _done[m] || _latest[m] > window;
        }

        _open.Add(opened);
        if (_options.Window.CloseTolerance is { } tolerance)
        {
            opened.Timer = _scheduler.Schedule(_options.Window.EndOf(window) + tolerance, () =>
            {
                lock (Gate)
                {
                    if (Running)
                    {
                        CloseAll(window);
                    }
                }
            });
        }

        return opened;
    }

    /// <summary>Closes <paramref name="window"/> for every modality (the tolerance ran out, or too many windows are open).</summary>
    private void CloseAll(long window)
    {
        for (var m = 0; m < _runners.Length; m++)
        {
            _runners[m].CloseWindow(window);
            CloseThrough(m, window);
        }
    }

    private void CloseThrough(int modality, long window)
    {
        for (var i = _open.Count - 1; i >= 0 && i < _open.Count; i--)
        {
            var state = _open[i];
            if (state.Index <= window && !state.Closed[modality])
            {
                state.Closed[modality] = true;
                TryFinish(state);
            }
        }
    }

    private void TryFinish(WindowState state)
    {
        if (!AllClosed(state))
        {
            return;
        }

        if (!state.Decided && _options.Strategy == InferenceStrategy.WaitForComplete)
        {
            foreach (var runner in _runners)
            {
                runner.EncodeHeld(state.Index);
            }
        }

        if (!state.Decided)
        {
            Decide(state, early: false);
        }

        if (_open.Remove(state))
        {
            state.Timer?.Dispose();
            _pool.Push(state);
        }
    }

    private float Predict(WindowState state)
    {
        FillProgress(state);
        return state.Evidence.Predict(_progress, _probabilities);
    }

    private void FillProgress(WindowState state)
    {
        for (var m = 0; m < _runners.Length; m++)
        {
            _progress[m] = new ModalityProgress(
                _expected[m],
                state.Encoded[m] - state.Invalid[m],
                state.Skipped[m],
                state.Invalid[m],
                state.Closed[m]);
        }
    }

    private void Decide(WindowState state, bool early)
    {
        var confidence = Predict(state);
        var labels = _pipeline.Rule.Labels;
        var best = 0;
        var probabilities = new Dictionary<string, float>(labels.Count, StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            probabilities[labels[i]] = _probabilities[i];
            best = _probabilities[i] > _probabilities[best] ? i : best;
        }

        state.Decided = true;
        state.DecidedLabel = labels[best];
        early = early && !AllClosed(state);
        Counters.Decided(early);
        Emit(state, WindowOutcome.Decided, labels[best], confidence, probabilities, early, null);
        if (state.Audits > 0)
        {
            Audit(state);
        }
    }

    private void Fail(WindowState state, int modality, Exception error)
    {
        state.Decided = true;
        Counters.Failed();
        var message = $"Encoder of '{_pipeline.Modalities[modality].Name}' threw {error.GetType().Name}: {error.Message}";
        Emit(state, WindowOutcome.Failed, null, 0f, new Dictionary<string, float>(StringComparer.Ordinal), false, message);
    }

    private void Emit(WindowState state, WindowOutcome outcome, string? label, float confidence, Dictionary<string, float> probabilities, bool early, string? error)
    {
        var modalities = new ModalityResult[_runners.Length];
        for (var m = 0; m < modalities.Length; m++)
        {
            var modality = _pipeline.Modalities[m];
            modalities[m] = new ModalityResult(
                modality.Name,
                modality.Role,
                _expected[m],
                state.Seen[m],
                state.Encoded[m],
                state.Skipped[m],
                state.Invalid[m],
                state.Encoded[m]);
        }

        _observer.OnNext(new WindowResult(
            state.Index,
            _options.Window.StartOf(state.Index),
            _options.Window.EndOf(state.Index),
            outcome,
            label,
            confidence,
            probabilities,
            modalities,
            early,
            _scheduler.Now,
            state.FirstSensed,
            state.LastSensed,
            error));
    }

    private void Audit(WindowState state)
    {
        foreach (var runner in _runners)
        {
            if (runner.Modality.Role == ModalityRole.Slow)
            {
                runner.EncodeAudit(state.Index, state);
            }
        }

        FillProgress(state);
        state.Shadow!.Predict(_progress, _probabilities);
        var best = 0;
        for (var i = 1; i < _probabilities.Length; i++)
        {
            best = _probabilities[i] > _probabilities[best] ? i : best;
        }

        Counters.Audit(_pipeline.Rule.Labels[best] != state.DecidedLabel);
    }
}
