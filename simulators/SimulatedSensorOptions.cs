using Sensact.Devices.Sensors;
using Sensact.Simulators.Scenes;
using static System.FormattableString;

namespace Sensact.Simulators;

/// <summary>
/// The <c>simulated</c> driver's keys (<c>Sensors:{name}:*</c>): which scene, which of its streams,
/// the seed, the rates and the pace.
/// </summary>
public sealed class SimulatedSensorOptions : SensorOptions
{
    /// <summary>Gets or sets the scene (<c>activity</c>, <c>speaker-watch</c>, <c>trajectory-watch</c>; see <see cref="SimulatedScenes.Names"/>).</summary>
    public string Scene { get; set; } = string.Empty;

    /// <summary>Gets or sets the seed: one seed, one scene; every sensor of a scene with the same seed sees the same truth.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets which modality of the scene this sensor senses; <c>null</c> takes the scene's first stream.</summary>
    public SceneModality? Stream { get; set; }

    /// <summary>Gets or sets the samples per second of an <c>imu</c> (default 26) or <c>audio</c> (16000, the clips' rate) stream.</summary>
    public double? SampleRateHz { get; set; }

    /// <summary>Gets or sets the frames in each audio period.</summary>
    public int PeriodSamples { get; set; } = 512;

    /// <summary>Gets or sets a camera stream's frames per second.</summary>
    public double FrameRateHz { get; set; } = 10;

    /// <summary>Gets or sets a camera stream's width in pixels.</summary>
    public int Width { get; set; } = 320;

    /// <summary>Gets or sets a camera stream's height in pixels.</summary>
    public int Height { get; set; } = 240;

    /// <summary>Gets or sets how much faster than real time the scene runs.</summary>
    public double SpeedFactor { get; set; } = 1.0;

    /// <summary>Gets or sets whether to run the scene as fast as the consumers take frames.</summary>
    public bool AsFastAsPossible { get; set; }

    /// <summary>Gets or sets how much scene time a subscription lasts before the stream completes; <c>null</c> runs without end.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>Checks the values, naming each bad one by its key.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (!SimulatedScenes.TryGet(Scene, out var scene))
        {
            errors.Add($"Scene: unknown scene '{Scene}'; known scenes: {string.Join(", ", SimulatedScenes.Names)}.");
            return errors;
        }

        var stream = Stream ?? scene.Streams[0];
        if (!scene.Streams.Contains(stream))
        {
            errors.Add($"Stream: scene '{scene.Name}' has no {Name(stream)} stream; it has: {string.Join(", ", scene.Streams.Select(Name))}.");
        }

        if (!(SpeedFactor > 0) || double.IsInfinity(SpeedFactor))
        {
            errors.Add(Invariant($"SpeedFactor must be a finite number greater than 0 (got {SpeedFactor})."));
        }

        if (Duration is { } duration && duration < TimeSpan.Zero)
        {
            errors.Add(Invariant($"Duration must not be negative (got {duration})."));
        }

        switch (stream)
        {
            case SceneModality.Imu when SampleRateHz is { } rate && !(rate is >= 1 and <= 10_000):
                errors.Add(Invariant($"SampleRateHz must be between 1 and 10000 for an imu stream (got {rate})."));
                break;
            case SceneModality.Audio when SampleRateHz is { } rate && rate != SpeakerWatch.SpeakerWatchScript.SampleRate:
                errors.Add(Invariant($"SampleRateHz: the {scene.Name} audio is {SpeakerWatch.SpeakerWatchScript.SampleRate} Hz, the rate of its clips (got {rate}); leave it out or resample downstream."));
                break;
            case SceneModality.Audio when PeriodSamples is < 1 or > 65536:
                errors.Add(Invariant($"PeriodSamples must be between 1 and 65536 (got {PeriodSamples})."));
                break;
            case SceneModality.Camera:
                if (!(FrameRateHz is >= 0.1 and <= 120))
                {
                    errors.Add(Invariant($"FrameRateHz must be between 0.1 and 120 (got {FrameRateHz})."));
                }

                if (Width is < 16 or > 4096 || Height is < 16 or > 4096)
                {
                    errors.Add(Invariant($"Width and Height must be between 16 and 4096 pixels (got {Width}x{Height})."));
                }

                break;
        }

        return errors;
    }

    private static string Name(SceneModality stream) => stream.ToString().ToLowerInvariant();
}
