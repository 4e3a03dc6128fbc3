using System.Numerics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BenchmarkDotNet.Attributes;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Pipelines;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;
using Sensact.Pipelines.Windows;

namespace Sensact.Benchmarks.Sensors;

/// <summary>
/// The frame path of a shared sensor on one thread, per frame (one operation = <see cref="FramesPerInvoke"/>
/// frames pushed by a synchronous source): the hub, a consumer's delivery policy on the inline
/// (immediate) path, sliding windows of 52 frames every 26, and the mean acceleration of each window,
/// against the same chain in plain Rx (Select, Buffer(52, 26), Select). Every subscription is made
/// in <see cref="Setup"/>, so the allocations reported are the steady state's.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup] and needs an unsealed class.
public class SharedSensorBenchmarks
#pragma warning restore CA1001
{
    /// <summary>Frames pushed per benchmark invocation; the reported times and bytes are per frame.</summary>
    public const int FramesPerInvoke = 100_000;

    private const int Size = 52;
    private const int Hop = 26;

    private readonly List<IDisposable> _subscriptions = [];
    private readonly PushSource _plainRx = new("imu-rx");
    private readonly PushSource _windowsOnly = new("imu-windows");
    private readonly PushSource _deliverWindows = new("imu-deliver");
    private readonly PushSource _hubOne = new("imu-one");
    private readonly PushSource _hubTwo = new("imu-two");
    private SensorHub? _hub;
    private Vector3 _mean;
    private long _windows;

    [GlobalSetup]
    public void Setup()
    {
        _hub = new SensorHub();
        var inline = ImmediateScheduler.Instance;

        _subscriptions.Add(_plainRx.Frames
            .Select(frame => frame.Payload.Acceleration)
            .Buffer(Size, Hop)
            .Select(MeanOf)
            .Subscribe(mean =>
            {
                _mean = mean;
                _windows++;
            }));

        _subscriptions.Add(_windowsOnly.Frames.SlidingWindows(Size, Hop).Subscribe(OnWindow));

        _subscriptions.Add(_deliverWindows.Frames
            .Deliver(DeliveryPolicy.DropOldest(256), new DropCounter("imu->app"), inline)
            .SlidingWindows(Size, Hop)
            .Subscribe(OnWindow));

        var one = new SharedSensor<ImuSample>(_hubOne);
        _hub.Add(one);
        _subscriptions.Add(one.Consume("app", DeliveryPolicy.DropOldest(256), inline).Frames.SlidingWindows(Size, Hop).Subscribe(OnWindow));

        var two = new SharedSensor<ImuSample>(_hubTwo);
        _hub.Add(two);
        _subscriptions.Add(two.Consume("app", DeliveryPolicy.DropOldest(256), inline).Frames.SlidingWindows(Size, Hop).Subscribe(OnWindow));
        _subscriptions.Add(two.Consume("second", DeliveryPolicy.DropOldest(256), inline).Frames.SlidingWindows(Size, Hop).Subscribe(OnWindow));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerInvoke)]
    public Vector3 PlainRx()
    {
        _plainRx.Push(FramesPerInvoke);
        return _mean;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public Vector3 SlidingWindowsAlone()
    {
        _windowsOnly.Push(FramesPerInvoke);
        return _mean;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public Vector3 DeliverInlineWindows()
    {
        _deliverWindows.Push(FramesPerInvoke);
        return _mean;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public Vector3 HubOneConsumer()
    {
        _hubOne.Push(FramesPerInvoke);
        return _mean;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public Vector3 HubTwoConsumers()
    {
        _hubTwo.Push(FramesPerInvoke);
        return _mean;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _hub?.Dispose();
        if (_windows == 0)
        {
            throw new InvalidOperationException("No window reached the end of a chain.");
        }
    }

    private static Vector3 MeanOf(IList<Vector3> accelerations)
    {
        // Indexed: foreach over an IList would box an enumerator per window.
        var sum = Vector3.Zero;
        for (var i = 0; i < accelerations.Count; i++)
        {
            sum += accelerations[i];
        }

        return sum / accelerations.Count;
    }

    private void OnWindow(SensorWindow<ImuSample> window)
    {
        var sum = Vector3.Zero;
        foreach (ref readonly var frame in window.Frames)
        {
            sum += frame.Payload.Acceleration;
        }

        _mean = sum / window.Count;
        _windows++;
    }
}
