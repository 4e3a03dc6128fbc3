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
public class ImuReplayBenchmarks
{
    /// <summary>Frames per benchmark invocation; the reported times and bytes are per frame.</summary>
    public const int FramesPerInvoke = 1_000_000;

    private static readonly string DataSet = Path.Combine(AppContext.BaseDirectory, "data", "imu", "stm32-har");
    private readonly ReplayOptions _options = new() { Path = DataSet, AsFastAsPossible = true, Loop = true };
    private Vector3 _sum;
    private long _windows;

    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerInvoke)]
    public Vector3 ReplayAlone()
    {
        var source = new ImuReplaySource("imu", _options, CurrentThreadScheduler.Instance);
        using (source.Frames.Take(FramesPerInvoke).Subscribe(frame => _sum += frame.Payload.Acceleration))
        {
        }

        return _sum;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long ReplayThroughHub()
    {
        var source = new ImuReplaySource("imu", _options, CurrentThreadScheduler.Instance);
        using var sensor = new SharedSensor<ImuSample>(source, scheduler: CurrentThreadScheduler.Instance);
        using (sensor.Consume("app", DeliveryPolicy.DropOldest(256), ImmediateScheduler.Instance).Frames
            .Take(FramesPerInvoke)
            .SlidingWindows(52, 26)
            .Subscribe(window => _windows += window.Count))
        {
        }

        return _windows;
    }
}
