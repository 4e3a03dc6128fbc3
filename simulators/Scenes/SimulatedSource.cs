using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Devices.Replay;
using Sensact.Devices.Sensors;

namespace Sensact.Simulators.Scenes;

/// <summary>
/// A simulated sensor: frame <c>k</c> of a scene stream rendered at scene time <c>Epoch + k / rate</c>,
/// emitted through <see cref="ReplayPacing"/> (real time, a speed factor, or as fast as possible).
/// </summary>
/// <remarks>
/// Each subscription starts at the last frame at or before the scheduler's time (so, paced at 1x, a
/// frame is emitted less than one frame period after its originating time, as from a device) and
/// renders with a renderer of its own. The originating time is the frame's scene time; at a speed
/// factor above 1, or as fast as possible, the scene clock runs ahead of the scheduler's.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
internal sealed class SimulatedSource<T> : ISensorSource<T>, ISampledSensor, IGroundTruth
{
    private readonly SceneClock _clock;
    private readonly Func<ISceneRenderer<T>> _open;
    private readonly ReplayOptions _pacing;
    private readonly long? _frameLimit;
    private readonly IScheduler _scheduler;
    private string? _label;

    public SimulatedSource(string id, SceneClock clock, Func<ISceneRenderer<T>> open, SimulatedSensorOptions options, IScheduler? scheduler)
    {
        Id = id;
        _clock = clock;
        _open = open;
        _pacing = new ReplayOptions { SpeedFactor = options.SpeedFactor, AsFastAsPossible = options.AsFastAsPossible };
        _frameLimit = options.Duration is { } duration ? clock.IndexAt(SceneClock.Epoch + duration) : null;
        _scheduler = scheduler ?? Scheduler.Default;
        Frames = Observable.Create<Frame<T>>(Subscribe);
    }

    public string Id { get; }

    public IObservable<Frame<T>> Frames { get; }

    public double SampleRateHz => _clock.FramesPerSecond;

    public string? CurrentLabel => Volatile.Read(ref _label);

    private IDisposable Subscribe(IObserver<Frame<T>> observer)
    {
        if (_frameLimit == 0)
        {
            observer.OnCompleted();
            return Disposable.Empty;
        }

        ISceneRenderer<T> stream;
        try
        {
            stream = _open();
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or InvalidDataException)
        {
            observer.OnError(error);
            return Disposable.Empty;
        }

        var first = _clock.IndexAt(_scheduler.Now);
        var firstTime = _clock.TimeOf(first);
        var gate = new object();
        var stopped = false;
        var emission = ReplayPacing.Run(_scheduler, _pacing, i => _clock.TimeOf(first + i) - firstTime, (i, _) =>
        {
            lock (gate)
            {
                if (stopped)
                {
                    return false;
                }

                var time = _clock.TimeOf(first + i);
                T payload;
                try
                {
                    payload = stream.Render(first + i, time);
                }
                catch (Exception error) when (error is IOException or InvalidOperationException or ArgumentException)
                {
                    Stop();
                    observer.OnError(error);
                    return false;
                }

                Volatile.Write(ref _label, stream.LabelAt(time));
                observer.OnNext(new Frame<T>(payload, time, Id, i));
                if (i + 1 == _frameLimit)
                {
                    Stop();
                    observer.OnCompleted();
                    return false;
                }

                return true;
            }
        });

        void Stop()
        {
            stopped = true;
            stream.Dispose();
            Volatile.Write(ref _label, null);
        }

        return StableCompositeDisposable.Create(emission, Disposable.Create(() =>
        {
            lock (gate)
            {
                if (!stopped)
                {
                    Stop();
                }
            }
        }));
    }
}
