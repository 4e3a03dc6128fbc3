using System.Globalization;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Encoding.Audio;
using Sensact.Pipelines.Encoding.Vision;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Apps.SpeakerWatch;

/// <summary>
/// The <c>speaker-watch</c> kind: "is a person speaking in view?" per window, from a microphone
/// (Silero VAD, one unit per 512-sample period at 16 kHz) and a camera (UltraFace, one unit per frame)
/// through the <see cref="Pipelines.Multimodal.MultimodalPipeline"/>.
/// </summary>
internal sealed class SpeakerWatchKind : IAppKind
{
    /// <summary>The periods per second a 16 kHz microphone delivers in periods of 512 samples.</summary>
    internal const double PeriodsPerSecond = (double)SileroVadEncoder.SampleRate / SileroVadEncoder.UnitSamples;

    public string Name => "speaker-watch";

    public Type OptionsType => typeof(SpeakerWatchAppOptions);

    public void Resolve(AppOptions options, Func<string, string> resolvePath)
    {
        var watch = (SpeakerWatchAppOptions)options;
        if (!string.IsNullOrWhiteSpace(watch.VadModel))
        {
            watch.VadModel = resolvePath(watch.VadModel);
        }

        if (!string.IsNullOrWhiteSpace(watch.FaceModel))
        {
            watch.FaceModel = resolvePath(watch.FaceModel);
        }
    }

    public IApplication? Prepare(string name, AppOptions options, SensorHub sensors, ICollection<string> problems)
    {
        var watch = (SpeakerWatchAppOptions)options;
        var before = problems.Count;
        foreach (var problem in watch.Validate())
        {
            problems.Add(problem);
        }

        var audio = Sensor(sensors, watch.AudioSensor, typeof(AudioChunk), "audio chunks (a microphone)", problems);
        var camera = Sensor(sensors, watch.CameraSensor, typeof(ImageFrame), "image frames (a camera)", problems);
        if (audio is not null && AudioProblem(audio.Name, audio.Source) is { } rate)
        {
            problems.Add(rate);
        }

        if (camera is not null && camera.Source is not ISampledSensor)
        {
            problems.Add($"Sensors: camera '{camera.Name}' does not say its frame rate; the pipeline needs it to count a window's frames.");
        }

        if (problems.Count > before)
        {
            return null;
        }

        SileroVadEncoder? vad = null;
        try
        {
            vad = Load(nameof(SpeakerWatchAppOptions.VadModel), watch, () => SileroVadEncoder.Load(watch.VadModel, watch.Inference), problems);
            var face = Load(nameof(SpeakerWatchAppOptions.FaceModel), watch, () => UltraFaceEncoder.Load(watch.FaceModel, watch.Faces, watch.Inference), problems);
            if (vad is null || face is null)
            {
                vad?.Dispose();
                face?.Dispose();
                return null;
            }

            var app = new SpeakerWatchApp(name, watch, vad, face, audio!, camera!);
            vad = null;
            return app;
        }
        catch
        {
            vad?.Dispose();
            throw;
        }
    }

    /// <summary>Says why the pipeline cannot read <paramref name="source"/> as 16 kHz periods of 512 samples; null when it can.</summary>
    /// <param name="sensor">The sensor's name.</param>
    /// <param name="source">Its source.</param>
    /// <returns>The problem, naming the sensor's keys, or null.</returns>
    internal static string? AudioProblem(string sensor, object source) =>
        source is ISampledSensor sampled && Math.Abs(sampled.SampleRateHz - PeriodsPerSecond) > 1e-6
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"Sensors: microphone '{sensor}' delivers {sampled.SampleRateHz:0.###} periods per second; Silero VAD reads 16000 Hz mono in periods of 512 samples ({PeriodsPerSecond} per second): set Sensors:{sensor}:SampleRateHz to 16000 and Sensors:{sensor}:PeriodSamples to 512.")
            : null;

    private static ISharedSensor? Sensor(SensorHub sensors, string? name, Type payload, string what, ICollection<string> problems)
    {
        if (name is null || !sensors.TryGet(name, out var sensor))
        {
            return null;
        }

        if (sensor.PayloadType != payload)
        {
            problems.Add($"Sensors: sensor '{name}' delivers {sensor.PayloadType.Name} frames; speaker-watch reads {what} there.");
            return null;
        }

        return sensor;
    }

    private static T? Load<T>(string key, SpeakerWatchAppOptions watch, Func<T> load, ICollection<string> problems)
        where T : class
    {
        try
        {
            return load();
        }
        catch (ModelLoadException ex)
        {
            // With another execution provider than the CPU, the provider is as likely the cause as the model.
            var named = string.Equals(watch.Inference.ExecutionProvider, InferenceOptions.Cpu, StringComparison.OrdinalIgnoreCase) ? key : "Inference:ExecutionProvider";
            problems.Add($"{named}: {ex.Message}");
            return null;
        }
    }
}
