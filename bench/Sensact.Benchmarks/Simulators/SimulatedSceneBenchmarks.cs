using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using Sensact.Benchmarks.Sensors;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Simulators;
using Sensact.Simulators.Scenes;

namespace Sensact.Benchmarks.Simulators;

/// <summary>
/// One minute of each simulated stream, as fast as possible on one thread (<c>Duration</c> = 1 min,
/// <c>CurrentThreadScheduler</c>): 1560 IMU samples at 26 Hz, 1875 audio periods of 512 at 16 kHz,
/// and 600 camera frames of 320x240 Rgb24 at 10 fps drawn with SkiaSharp. Each payload is released.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class SimulatedSceneBenchmarks
{
    private ISensorSource<ImuSample>? _imu;
    private ISensorSource<AudioChunk>? _audio;
    private ISensorSource<ImageFrame>? _camera;
    private double _checksum;

    [GlobalSetup]
    public void Setup()
    {
        var minute = TimeSpan.FromMinutes(1);
        var scheduler = CurrentThreadScheduler.Instance;
        _imu = SimulatedScenes.CreateImu("imu", new() { Scene = "activity", AsFastAsPossible = true, Duration = minute }, scheduler);
        _audio = SimulatedScenes.CreateAudio("mic", new() { Scene = "speaker-watch", Stream = SceneModality.Audio, AsFastAsPossible = true, Duration = minute }, scheduler);
        _camera = SimulatedScenes.CreateCamera("cam", new() { Scene = "speaker-watch", Stream = SceneModality.Camera, AsFastAsPossible = true, Duration = minute }, scheduler);
    }

    [Benchmark]
    public double ImuMinute()
    {
        using (_imu!.Frames.Subscribe(frame => _checksum += frame.Payload.Acceleration.X))
        {
        }

        return _checksum;
    }

    [Benchmark]
    public double AudioMinute()
    {
        using (_audio!.Frames.Subscribe(frame =>
        {
            _checksum += frame.Payload.Samples.Span[0];
            frame.Payload.Release();
        }))
        {
        }

        return _checksum;
    }

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
