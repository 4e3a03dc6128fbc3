using System.Numerics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BenchmarkDotNet.Attributes;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Devices.Replay;
using Sensact.Pipelines;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;

namespace Sensact.Benchmarks.Sensors;

/// <summary>
/// The IMU replay as fast as possible on one thread (the trampoline of <see cref="CurrentThreadScheduler"/>),
/// over the STM32 recordings (92 files, 92 000 samples a pass, read again at every pass as the replay
/// does), per frame: one operation is <see cref="FramesPerInvoke"/> frames. <c>ReplayAlone</c> ends in a
/// sum of the accelerations; <c>ReplayThroughHub</c> goes on through a shared sensor (its frame checks
/// included), a consumer's delivery policy on the inline path and sliding windows of 52 every 26.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup] and needs an unsealed class.
public class ImuReplayBenchmarks
#pragma warning restore CA1001
{
    /// <summary>Frames per benchmark invocation; the reported times and bytes are per frame.</summary>
    public const int FramesPerInvoke = 1_000_000;

    private static readonly string DataSet = Path.Combine(AppContext.BaseDirectory, "data", "imu", "stm32-har");
    private static readonly ReplayOptions Options = new() { Path = DataSet, AsFastAsPossible = true, Loop = true };

    // Made once: each invocation subscribes anew (opening the replay: listing the path, every file
    // unchanged since the first read), as the hub reopens a sensor.
    private readonly ImuReplaySource _alone = new("imu-alone", Options, CurrentThreadScheduler.Instance);
    private readonly SharedSensor<ImuSample> _sensor = new(new ImuReplaySource("imu-hub", Options, CurrentThreadScheduler.Instance), scheduler: CurrentThreadScheduler.Instance);
    private SensorConsumer<ImuSample>? _consumer;
    private Vector3 _sum;
    private long _windows;

    [GlobalSetup]
    public void Setup() => _consumer = _sensor.Consume("app", DeliveryPolicy.DropOldest(256), ImmediateScheduler.Instance);

    [GlobalCleanup]
    public void Cleanup() => _sensor.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerInvoke)]
    public Vector3 ReplayAlone()
    {
        using (_alone.Frames.Take(FramesPerInvoke).Subscribe(frame => _sum += frame.Payload.Acceleration))
        {
        }

        return _sum;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long ReplayThroughHub()
    {
        using (_consumer!.Frames
            .Take(FramesPerInvoke)
            .SlidingWindows(52, 26)
            .Subscribe(window => _windows += window.Count))
        {
        }

        return _windows;
    }
}
