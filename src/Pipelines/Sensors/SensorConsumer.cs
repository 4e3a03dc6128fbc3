using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Payloads;

namespace Sensact.Pipelines.Sensors;

/// <summary>
/// One use of a <see cref="SharedSensor{T}"/>: its frames through its own delivery policy, its drop
/// counter, and a pause that releases the sensor while the consumer does not need it.
/// </summary>
/// <remarks>
/// <see cref="Frames"/> may be subscribed once at a time (a consumer is one use; make another
/// consumer for another use). Subscribing attaches the consumer to the sensor unless it is paused;
/// disposing the subscription detaches it. While paused, the subscription stays alive and receives
/// nothing; the sensor is closed if no other consumer is attached.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
public sealed class SensorConsumer<T> : ISensorConsumer
{
    private readonly Lock _gate = new();
    private readonly SharedSensor<T> _sensor;
    private IObserver<Frame<T>>? _input;
    private bool _attached;
    private bool _paused;

    internal SensorConsumer(SharedSensor<T> sensor, string name, DeliveryPolicy policy, IScheduler? scheduler)
    {
        _sensor = sensor;
        Name = name;
        Counter = new DropCounter($"{sensor.Name}->{name}");
        Frames = Observable.Create<Frame<T>>(Subscribe).Deliver(policy, Counter, scheduler, PayloadOwnership<T>.ReleaseOrNull);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public DropCounter Counter { get; }

    /// <summary>Gets the sensor's frames as this consumer's delivery policy passes them, on its scheduler.</summary>
    public IObservable<Frame<T>> Frames { get; }

    /// <inheritdoc />
    public bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return _paused;
            }
        }
    }

    /// <inheritdoc />
    public void Pause()
    {
        lock (_gate)
        {
            _paused = true;
            if (_attached)
            {
                _attached = false;
                _sensor.Detach(_input!);
            }
        }
    }

    /// <inheritdoc />
    public void Unpause()
    {
        lock (_gate)
        {
            _paused = false;
            if (_input is not null && !_attached)
            {
                _attached = true;
                _sensor.Attach(_input);
            }
        }
    }

    private IDisposable Subscribe(IObserver<Frame<T>> input)
    {
        lock (_gate)
        {
            if (_input is not null)
            {
                throw new InvalidOperationException($"Consumer '{Name}' of sensor '{_sensor.Name}' is already subscribed; make one consumer per use.");
            }

            _input = input;
            if (!_paused)
            {
                _attached = true;
                _sensor.Attach(input);
            }
        }

        return Disposable.Create(() =>
        {
            lock (_gate)
            {
                if (_attached)
                {
                    _sensor.Detach(input);
                }

                _attached = false;
                _input = null;
            }
        });
    }
}
