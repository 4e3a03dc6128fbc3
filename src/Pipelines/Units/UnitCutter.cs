using Sensact.Devices;
using Sensact.Pipelines.Payloads;

namespace Sensact.Pipelines.Units;

/// <summary>
/// Cuts one modality's frames into units of a fixed number of frames inside windows cut on
/// originating time; one caller at a time, no allocation per frame.
/// </summary>
/// <remarks>
/// A unit never spans two windows or two segments: an unfinished unit is discarded at a window or
/// segment boundary. Pooled payloads are held while their frame waits in the unit and released once
/// the unit has been handed on (a sink that keeps frames takes its own reference). With a frame
/// period, a window is complete as soon as a frame arrives whose successor is due after the window's
/// end, instead of when that successor arrives.
/// </remarks>
internal sealed class UnitCutter<T>(WindowPlan plan, int framesPerUnit, IUnitSink<T> sink, TimeSpan framePeriod = default)
{
    private readonly Frame<T>[] _unit = new Frame<T>[framesPerUnit];
    private readonly Action<Frame<T>>? _release = PayloadOwnership<T>.ReleaseOrNull;
    private readonly long _epochTicks = plan.StartOf(0).UtcTicks;
    private readonly long _lengthTicks = plan.Length.Ticks;
    private readonly long _periodTicks = framePeriod.Ticks;
    private int _count;
    private int _segment;
    private int _units;
    private long _endTicks;

    /// <summary>Gets the window the cutter is in; <see cref="long.MinValue"/> before the first frame or after the window was closed.</summary>
    public long Window { get; private set; } = long.MinValue;

    /// <summary>Gets the first window whose frames are still accepted.</summary>
    public long Floor { get; private set; } = long.MinValue;

    public Frame<T>[] Buffer => _unit;

    public void Add(Frame<T> frame)
    {
        var ticks = frame.OriginatingTime.UtcTicks;
        var offset = ticks - _epochTicks;
        var window = offset >= 0 ? offset / _lengthTicks : plan.IndexOf(frame.OriginatingTime);
        if (window < Floor || window < Window)
        {
            _release?.Invoke(frame);
            sink.OnLateFrame(window);
            return;
        }

        if (window != Window)
        {
            CloseCurrent();
            Window = window;
            Floor = window;
            _endTicks = _epochTicks + ((window + 1) * _lengthTicks);
            _segment = frame.Segment;
        }
        else if (frame.Segment != _segment)
        {
            Discard();
            _segment = frame.Segment;
        }

        _unit[_count++] = frame;
        sink.OnFrame(window, frame.OriginatingTime);
        if (_count == framesPerUnit)
        {
            sink.OnUnit(window, _units++, _unit.AsSpan(0, _count));
            Discard();
        }

        // The next frame is due in a later window: this window is complete now.
        if (_periodTicks > 0 && ticks + _periodTicks >= _endTicks)
        {
            CloseCurrent();
            Floor = window + 1;
        }
    }

    /// <summary>Closes <paramref name="window"/> (and any earlier one) if the cutter is still in it: its later frames are dropped.</summary>
    public void Close(long window)
    {
        if (Floor <= window)
        {
            if (Window <= window)
            {
                CloseCurrent();
            }

            Floor = window + 1;
        }
    }

    /// <summary>Releases the frames of the unfinished unit (the subscription ends).</summary>
    public void Release() => Discard();

    /// <summary>Closes the current window at the end of the stream.</summary>
    public void Complete() => CloseCurrent();

    private void CloseCurrent()
    {
        if (Window == long.MinValue)
        {
            return;
        }

        Discard();
        var window = Window;
        var units = _units;
        Window = long.MinValue;
        _units = 0;
        sink.OnWindowComplete(window, units);
    }

    private void Discard()
    {
        for (var i = 0; _release is not null && i < _count; i++)
        {
            _release(_unit[i]);
        }

        Array.Clear(_unit, 0, _count);
        _count = 0;
    }
}
