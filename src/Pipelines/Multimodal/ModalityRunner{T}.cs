using Sensact.Devices;
using Sensact.Pipelines.Encoding;
using Sensact.Pipelines.Payloads;
using Sensact.Pipelines.Units;

namespace Sensact.Pipelines.Multimodal;

/// <summary>One modality inside a <see cref="WindowEngine"/>: its cutter, its encoder and the units it holds.</summary>
internal sealed class ModalityRunner<T> : ModalityRunner, IUnitSink<T>
{
    private readonly WindowEngine _engine;
    private readonly IObservable<Frame<T>> _frames;
    private readonly IUnitEncoder<T> _encoder;
    private readonly UnitCutter<T> _cutter;
    private readonly HeldUnits<T> _held;
    private readonly HeldUnits<T> _audit;
    private readonly float[] _scores;
    private long _encodedWindow = long.MinValue;
    private int _encodedSegment = int.MinValue;
    private long _encodedThrough = long.MinValue;

    public ModalityRunner(WindowEngine engine, Modality modality, int index, IObservable<Frame<T>> frames, IUnitEncoder<T> encoder)
        : base(modality, index)
    {
        _engine = engine;
        _frames = frames;
        _encoder = encoder;
        _cutter = new UnitCutter<T>(engine.Plan, encoder.FramesPerUnit, this, modality.FramePeriod);
        _held = new HeldUnits<T>(encoder.FramesPerUnit);
        _audit = new HeldUnits<T>(encoder.FramesPerUnit);
        _scores = new float[encoder.Scores.Count];
    }

    public override IDisposable Subscribe() => _frames.Subscribe(
        frame =>
        {
            lock (_engine.Gate)
            {
                if (_engine.Running)
                {
                    _cutter.Add(frame);
                }
                else
                {
                    PayloadOwnership<T>.Release(frame);
                }
            }
        },
        _engine.OnError,
        () =>
        {
            lock (_engine.Gate)
            {
                if (_engine.Running)
                {
                    _cutter.Complete();
                    _engine.OnModalityCompleted(Index);
                }
            }
        });

    public override void CloseWindow(long window) => _cutter.Close(window);

    public override void EncodeHeld(long window)
    {
        var n = _held.CountThrough(window);
        for (var i = 0; i < n; i++)
        {
            if (_held.WindowAt(i) == window && _engine.IsOpen(window))
            {
                Encode(window, _held.UnitAt(i), audit: null);
            }
        }

        _held.RemoveFirst(n);
    }

    public override void EncodeAudit(long window, WindowState state)
    {
        var n = _audit.CountThrough(window);
        for (var i = 0; i < n; i++)
        {
            if (_audit.WindowAt(i) == window)
            {
                Encode(window, _audit.UnitAt(i), state);
            }
        }

        _audit.RemoveFirst(n);

        // The audit ran the encoder out of order: the next unit starts from a clean state.
        _encodedWindow = long.MinValue;
    }

    public override void ReleaseAll()
    {
        _cutter.Release();
        _held.RemoveFirst(_held.Count);
        _audit.RemoveFirst(_audit.Count);
    }

    void IUnitSink<T>.OnFrame(long window, DateTimeOffset time) => _engine.OnFrame(Index, window, time);

    void IUnitSink<T>.OnUnit(long window, int index, ReadOnlySpan<Frame<T>> frames)
    {
        switch (_engine.OnUnit(Index, window, _encoder.Reset == EncoderReset.Window))
        {
            case UnitAction.Encode:
                Encode(window, frames, audit: null);
                break;
            case UnitAction.Hold:
                _held.Add(window, frames);
                break;
            case UnitAction.Audit:
                _audit.Add(window, frames);
                break;
            default:
                break;
        }
    }

    void IUnitSink<T>.OnWindowComplete(long window, int units) => _engine.OnWindowComplete(Index, window);

    void IUnitSink<T>.OnLateFrame(long window) => _engine.OnLateFrame(Index);

    private void Encode(long window, ReadOnlySpan<Frame<T>> unit, WindowState? audit)
    {
        // State carried from unit to unit describes the stream only while the units follow each
        // other: after units left out (an early exit, a skip, an audit out of order, frames the
        // delivery policy dropped) it would describe audio or images the encoder never saw.
        var segment = unit[0].Segment;
        var follows = unit[0].Sequence == _encodedThrough + 1;
        if ((_encoder.Reset == EncoderReset.Window && window != _encodedWindow) || segment != _encodedSegment || !follows)
        {
            _encoder.ResetState();
        }

        _encodedWindow = window;
        _encodedSegment = segment;
        _encodedThrough = unit[^1].Sequence;
        EncodeStatus status;
        Exception? error = null;
        try
        {
            _encoder.Encode(unit, _scores);
            status = EncodeStatus.Valid;
            foreach (var score in _scores)
            {
                if (!float.IsFinite(score))
                {
                    status = EncodeStatus.Invalid;
                    break;
                }
            }
        }
#pragma warning disable CA1031 // An encoder's failure fails its window, not the application.
        catch (Exception e)
#pragma warning restore CA1031
        {
            status = EncodeStatus.Failed;
            error = e;
        }

        if (audit is null)
        {
            _engine.OnEncoded(Index, window, status, _scores, error);
        }
        else
        {
            _engine.OnAudited(Index, audit, status, _scores);
        }
    }
}
