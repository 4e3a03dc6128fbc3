using System.Globalization;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Apps.Activity;

/// <summary>
/// The <c>activity</c> kind: an IMU sensor's frames, cut into the model card's windows, classified
/// by an ONNX activity model into decisions.
/// </summary>
internal sealed class ActivityKind : IAppKind
{
    public string Name => "activity";

    public Type OptionsType => typeof(ActivityAppOptions);

    public void Resolve(AppOptions options, Func<string, string> resolvePath)
    {
        var activity = (ActivityAppOptions)options;
        if (!string.IsNullOrWhiteSpace(activity.Model))
        {
            activity.Model = resolvePath(activity.Model);
        }
    }

    public IApplication? Prepare(string name, AppOptions options, SensorHub sensors, ICollection<string> problems)
    {
        var activity = (ActivityAppOptions)options;
        var before = problems.Count;
        if (activity.SensorNames.Count != 1)
        {
            problems.Add($"Sensor: an activity application reads exactly one IMU sensor (got {activity.SensorNames.Count}).");
        }

        if (string.IsNullOrWhiteSpace(activity.Model))
        {
            problems.Add("Model must name the ONNX model file.");
        }

        foreach (var problem in activity.Inference.Validate())
        {
            problems.Add($"Inference:{problem}");
        }

        CheckMinConfidence(activity, problems);
        ISharedSensor? sensor = null;
        if (activity.SensorNames.Count == 1 && sensors.TryGet(activity.SensorNames[0], out var found))
        {
            sensor = found;
            if (sensor.PayloadType != typeof(ImuSample))
            {
                problems.Add($"Sensor: sensor '{sensor.Name}' delivers {sensor.PayloadType.Name} frames; an activity application reads IMU samples.");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var classifier = Load(activity, sensor, problems);
        return classifier is null ? null : new ActivityApp(name, activity, classifier, sensor!);
    }

    /// <summary>Checks <c>MinConfidence</c>.</summary>
    internal static void CheckMinConfidence(ActivityAppOptions activity, ICollection<string> problems)
    {
        if (!(activity.MinConfidence is >= 0 and <= 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MinConfidence must be between 0 and 1 (got {activity.MinConfidence})."));
        }
    }

    /// <summary>Loads the model and checks it against the sensor's rate; null (and a problem) when it cannot serve.</summary>
    internal static OnnxActivityClassifier? Load(ActivityAppOptions activity, ISharedSensor? sensor, ICollection<string> problems)
    {
        OnnxActivityClassifier classifier;
        try
        {
            classifier = OnnxActivityClassifier.Load(activity.Model, activity.Inference);
        }
        catch (ModelLoadException ex)
        {
            // With another execution provider than the CPU, the provider is as likely the cause as the model.
            var key = string.Equals(activity.Inference.ExecutionProvider, InferenceOptions.Cpu, StringComparison.OrdinalIgnoreCase) ? "Model" : "Inference:ExecutionProvider";
            problems.Add($"{key}: {ex.Message}");
            return null;
        }

        if (sensor is not null && RateProblem(classifier.Card, sensor.Name, sensor.Source) is { } rate)
        {
            problems.Add(rate);
            classifier.Dispose();
            return null;
        }

        return classifier;
    }

    /// <summary>Says why a model trained at the card's rate cannot read <paramref name="source"/>; null when it can.</summary>
    internal static string? RateProblem(ActivityModelCard card, string sensor, object source) =>
        source is ISampledSensor sampled && Math.Abs(sampled.SampleRateHz - card.SampleRateHz) > 1e-6
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"Model: the model was trained on {card.SampleRateHz} Hz data, but sensor '{sensor}' delivers {sampled.SampleRateHz} Hz (Sensors:{sensor}:SampleRateHz); windows would span the wrong time and be misclassified.")
            : null;
}
