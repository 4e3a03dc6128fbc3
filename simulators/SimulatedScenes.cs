using System.Diagnostics.CodeAnalysis;
using System.Reactive.Concurrency;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Simulators.Activity;
using Sensact.Simulators.Scenes;
using Sensact.Simulators.SpeakerWatch;
using Sensact.Simulators.Trajectories;

namespace Sensact.Simulators;

/// <summary>
/// Every simulated scene, and the sources that sense them: seeded, deterministic, driven by the
/// injected scheduler, with ground truth beside the frames (<see cref="IGroundTruth"/>).
/// </summary>
public static class SimulatedScenes
{
    private static readonly SceneInfo[] Scenes =
    [
        new("activity", [SceneModality.Imu], "a wearer standing still, walking or running in 20 s segments; truth per segment (running, stationary, walking); acceleration in m/s²"),
        new("speaker-watch", [SceneModality.Audio, SceneModality.Camera], "1 s windows of a spoken word, noise or silence, and a face in or out of view; truth per window (speaking, face in view, speaking in view)"),
        new("trajectory-watch", [SceneModality.Camera], "faces moving along two road lanes and a curved walkway, about 15 % of tracks with an injected anomaly (wrong-way, sudden-stop, swerve, loitering, speeding, u-turn); truth per track and per time (TrajectoryScript)"),
    ];

    /// <summary>Gets the names of the known scenes.</summary>
    public static IReadOnlyList<string> Names { get; } = Scenes.Select(scene => scene.Name).ToArray();

    /// <summary>Gets the known scenes.</summary>
    public static IReadOnlyList<SceneInfo> All => Scenes;

    /// <summary>Finds a scene by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="scene">The scene, when found.</param>
    /// <returns>Whether it was found.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out SceneInfo? scene)
    {
        scene = Scenes.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        return scene is not null;
    }

    /// <summary>Gets the stream a sensor with <paramref name="options"/> senses: its <c>Stream</c>, or the scene's first.</summary>
    /// <param name="options">Valid options.</param>
    /// <returns>The stream.</returns>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static SceneModality StreamOf(SimulatedSensorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options);
        TryGet(options.Scene, out var scene);
        return options.Stream ?? scene!.Streams[0];
    }

    /// <summary>Creates an accelerometer of a scene with an <c>imu</c> stream.</summary>
    /// <param name="id">The source id (the sensor's name).</param>
    /// <param name="options">The scene, seed, rate and pace.</param>
    /// <param name="scheduler">The scene clock; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <returns>A cold source; also <see cref="ISampledSensor"/> and <see cref="IGroundTruth"/>.</returns>
    /// <exception cref="ArgumentException">The options are not valid or name another stream.</exception>
    public static ISensorSource<ImuSample> CreateImu(string id, SimulatedSensorOptions options, IScheduler? scheduler = null)
    {
        Check(id, options, SceneModality.Imu);
        var script = new ActivityScript(options.Seed);
        return new SimulatedSource<ImuSample>(id, SceneClock.FromRate(options.SampleRateHz ?? 26), () => new ActivityImuRenderer(script), options, scheduler);
    }

    /// <summary>Creates a microphone of a scene with an <c>audio</c> stream: mono periods in pooled buffers.</summary>
    /// <param name="id">The source id (the sensor's name).</param>
    /// <param name="options">The scene, seed, period and pace.</param>
    /// <param name="scheduler">The scene clock; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="pool">Where periods are rented; a pool of the source's own when <c>null</c>.</param>
    /// <returns>A cold source; also <see cref="ISampledSensor"/> (periods per second) and <see cref="IGroundTruth"/>.</returns>
    /// <exception cref="ArgumentException">The options are not valid or name another stream.</exception>
    public static ISensorSource<AudioChunk> CreateAudio(string id, SimulatedSensorOptions options, IScheduler? scheduler = null, BufferPool<float>? pool = null)
    {
        Check(id, options, SceneModality.Audio);
        var script = new SpeakerWatchScript(options.Seed);
        var period = options.PeriodSamples;
        pool ??= new BufferPool<float>(maxFreePerSize: 64);
        return new SimulatedSource<AudioChunk>(id, SceneClock.FromPeriods(SpeakerWatchScript.SampleRate, period), () => new SpeakerWatchAudioRenderer(script, period, pool), options, scheduler);
    }

    /// <summary>Creates a camera of a scene with a <c>camera</c> stream: Rgb24 frames in pooled buffers.</summary>
    /// <param name="id">The source id (the sensor's name).</param>
    /// <param name="options">The scene, seed, frame rate, size and pace.</param>
    /// <param name="scheduler">The scene clock; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="pool">Where frames are rented; a pool of the source's own when <c>null</c>.</param>
    /// <returns>A cold source; also <see cref="ISampledSensor"/> (frames per second) and <see cref="IGroundTruth"/>.</returns>
    /// <exception cref="ArgumentException">The options are not valid or name another stream.</exception>
    public static ISensorSource<ImageFrame> CreateCamera(string id, SimulatedSensorOptions options, IScheduler? scheduler = null, BufferPool<byte>? pool = null)
    {
        Check(id, options, SceneModality.Camera);
        var (width, height) = (options.Width, options.Height);
        pool ??= new BufferPool<byte>(maxFreePerSize: 16);
        Func<ISceneRenderer<ImageFrame>> open;
        if (string.Equals(options.Scene, "trajectory-watch", StringComparison.OrdinalIgnoreCase))
        {
            var trajectories = new TrajectoryScript(options.Seed);
            open = () => new TrajectoryCameraRenderer(trajectories, width, height, pool);
        }
        else
        {
            var script = new SpeakerWatchScript(options.Seed);
            open = () => new SpeakerWatchCameraRenderer(script, width, height, pool);
        }

        return new SimulatedSource<ImageFrame>(id, SceneClock.FromRate(options.FrameRateHz), open, options, scheduler);
    }

    private static void Check(string id, SimulatedSensorOptions options, SceneModality wanted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var stream = StreamOf(options);
        if (stream != wanted)
        {
            throw new ArgumentException($"Simulated sensor '{id}' senses the {stream} stream of scene '{options.Scene}', not {wanted}.", nameof(options));
        }
    }

    private static void ThrowIfInvalid(SimulatedSensorOptions options)
    {
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Simulated sensor options are not valid: {string.Join(" ", errors)}", nameof(options));
        }
    }
}
