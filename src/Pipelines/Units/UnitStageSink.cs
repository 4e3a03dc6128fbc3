using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Sensact.Devices;
using Sensact.Pipelines.Payloads;

namespace Sensact.Pipelines.Units;

/// <summary>One subscription of <see cref="StreamStages.Units{T}"/>: the cutter, its buffer and its timers, under one lock.</summary>
internal sealed class UnitStageSink<T> : IUnitSink<T>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly WindowPlan _plan;
    private readonly UnitCutter<T> _cutter;
    private readonly UnitBuffer<T> _buffer;
    private readonly IObserver<SensingUnit<T>> _observer;
    private readonly IScheduler _scheduler;
    private readonly SerialDisposable _timer = new();
    private bool _done;
    private long _window = long.MinValue;
    private DateTimeOffset _start;
    private DateTimeOffset _end;

    public UnitStageSink(WindowPlan plan, int framesPerUnit, TimeSpan framePeriod, IObserver<SensingUnit<T>> observer, IScheduler scheduler)
    {
        _plan = plan;
        _buffer = new UnitBuffer<T>(framesPerUnit);
        _cutter = new UnitCutter<T>(plan, framesPerUnit, this, framePeriod);
        _observer = observer;
        _scheduler = scheduler;
    }

    public void Add(Frame<T> frame)
    {
        lock (_gate)
        {
            if (!_done)
            {
                var before = _cutter.Window;
                _cutter.Add(frame);
                if (_plan.CloseTolerance is not null && _cutter.Window != before && _cutter.Window != long.MinValue)
                {
                    ScheduleClose(_cutter.Window, _plan.CloseTolerance.Value);
                }
            }
            else
            {
                PayloadOwnership<T>.Release(frame);
            }
        }
    }

    public void Error(Exception error)
    {
        lock (_gate)
        {
            _done = true;
            _observer.OnError(error);
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _cutter.Complete();
            _done = true;
            _observer.OnCompleted();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
            _timer.Dispose();
            _cutter.Release();
        }
    }

    void IUnitSink<T>.OnFrame(long window, DateTimeOffset time)
    {
    }

    void IUnitSink<T>.OnUnit(long window, int index, ReadOnlySpan<Frame<T>> frames)
    {
        _buffer.Invalidate();
        frames.CopyTo(_buffer.Frames);
        _buffer.Count = frames.Length;
        Bounds(window);
        _observer.OnNext(new SensingUnit<T>(UnitKind.Unit, window, index, _start, _end, _buffer));
    }

    void IUnitSink<T>.OnWindowComplete(long window, int units)
    {
        _buffer.Invalidate();
        Bounds(window);
        _observer.OnNext(new SensingUnit<T>(UnitKind.WindowComplete, window, units, _start, _end, null));
    }

    void IUnitSink<T>.OnLateFrame(long window)
    {
    }

    private void Bounds(long window)
    {
        if (window != _window)
        {
            _window = window;
            _start = _plan.StartOf(window);
            _end = _plan.EndOf(window);
        }
    }

    // A method of its own, so that the closure is made only when a window opens, not on every frame.
    private void ScheduleClose(long window, TimeSpan tolerance) =>
        _timer.Disposable = _scheduler.Schedule(_plan.EndOf(window) + tolerance, () => Close(window));

    private void Close(long window)
    {
        lock (_gate)
        {
            if (!_done)
            {
                _cutter.Close(window);
            }
        }
    }
}
