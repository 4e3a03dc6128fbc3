using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using Sensact.Benchmarks.Sensors;
using Sensact.Devices.Camera;
using Sensact.Devices.Sensors;
using Sensact.Simulators;
using Sensact.Simulators.Trajectories;

namespace Sensact.Benchmarks.Simulators;

/// <summary>
/// The <c>trajectory-watch</c> scene: one instant's positions (<see cref="TrajectoryScript.ObservationsAt"/>),
/// ten minutes of complete tracks at 10 Hz (<see cref="TrajectoryScenes.Tracks"/>), and a minute of
/// its camera (600 frames of 320x240 Rgb24 at 10 fps) as fast as possible on one thread.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class TrajectorySceneBenchmarks
{
    private readonly TrajectoryScript _script = new(1);
    private readonly TrajectoryObservation[] _observations = new TrajectoryObservation[256];
    private ISensorSource<ImageFrame>? _camera;
    private DateTimeOffset _at = DateTimeOffset.UnixEpoch.AddMinutes(5);
    private double _checksum;

    [GlobalSetup]
    public void Setup() =>
        _camera = SimulatedScenes.CreateCamera("cam", new() { Scene = "trajectory-watch", AsFastAsPossible = true, Duration = TimeSpan.FromMinutes(1) }, CurrentThreadScheduler.Instance);

    [Benchmark]
    public int PositionsAtOneInstant()
    {
        _at = _at.AddMilliseconds(100);
        return _script.ObservationsAt(_at, _observations);
    }

    [Benchmark]
    public int TracksTenMinutes() => TrajectoryScenes.Tracks(_script.Seed, TimeSpan.FromMinutes(10), 10).Count;

    [Benchmark]
    public double CameraMinute()
    {
        using (_camera!.Frames.Subscribe(frame =>
        {
            _checksum += frame.Payload.Pixels.Span[0];
            frame.Payload.Release();
        }))
        {
        }

        return _checksum;
    }
}
