using System.Globalization;
using Sensact.Agent.Trajectories;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Detections.Faces;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Sensors;
using Sensact.Pipelines.Trajectories.Prediction;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Watching;

namespace Sensact.Agent.Apps.TrajectoryWatch;

/// <summary>
/// The <c>trajectory-watch</c> kind: a camera's frames, faces found by UltraFace, followed by the
/// multi-object tracker and scored against normal traffic (calibrated at start on <c>NormalTracks</c>);
/// anomaly events, and the camera sped up while an anomaly lasts.
/// </summary>
internal sealed class TrajectoryWatchKind : IAppKind
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "trajectory-watch";

    public string Name => KindName;

    public Type OptionsType => typeof(TrajectoryWatchOptions);

    public void Resolve(AppOptions options, Func<string, string> resolvePath)
    {
        var watch = (TrajectoryWatchOptions)options;
        watch.Detector = string.IsNullOrWhiteSpace(watch.Detector) ? watch.Detector : resolvePath(watch.Detector);
        watch.PredictorModel = string.IsNullOrWhiteSpace(watch.PredictorModel) ? watch.PredictorModel : resolvePath(watch.PredictorModel);
        watch.NormalTracks = string.IsNullOrWhiteSpace(watch.NormalTracks) ? watch.NormalTracks : resolvePath(watch.NormalTracks);
    }

    public IApplication? Prepare(string name, AppOptions options, SensorHub sensors, ICollection<string> problems)
    {
        var watch = (TrajectoryWatchOptions)options;
        var before = problems.Count;
        Check(watch, problems);
        if (watch.SensorNames.Count != 1)
        {
            problems.Add($"Sensor: a trajectory-watch application reads exactly one camera (got {watch.SensorNames.Count}).");
        }
        else if (sensors.TryGet(watch.SensorNames[0], out var sensor) && sensor.PayloadType != typeof(ImageFrame))
        {
            problems.Add($"Sensor: sensor '{sensor.Name}' delivers {sensor.PayloadType.Name} frames; a trajectory-watch application reads camera images.");
        }

        if (problems.Count > before)
        {
            return null;
        }

        var csvProblems = new List<string>();
        var normal = TrackCsv.Read(watch.NormalTracks, csvProblems);
        if (normal is null)
        {
            problems.Add($"NormalTracks: {string.Join(" ", csvProblems)}");
            return null;
        }

        var tracks = normal.Where(t => t.Points.Length >= 2).Select(t => t.Points).ToList();
        // The detector first: a missing model is reported before the calibration's seconds are spent.
        UltraFaceDetector? detector = null;
        OnnxTrajectoryPredictor? learned = null;
        var step = "Detector";
        try
        {
            detector = UltraFaceDetector.Load(watch.Detector, watch.Detection, watch.Inference);
            ITrajectoryPredictor predictor = TrajectoryScorer.DefaultPredictor();
            if (string.Equals(watch.Predictor, TrajectoryWatchOptions.Learned, StringComparison.OrdinalIgnoreCase))
            {
                // The residual variance is measured on the deployment's normal traffic.
                step = "PredictorModel";
                learned = OnnxTrajectoryPredictor.Load(watch.PredictorModel, residualVariance: 1, options: watch.Inference);
                step = "the learned predictor";
                learned.Calibrate(tracks);
                predictor = learned;
            }

            step = "the scorer";
            var scorer = TrajectoryScorer.Calibrate(tracks, watch.Scoring, CalibrationMode.Normal, predictor);
            var live = !watch.Watch.CalibrateLive ? LiveThresholds.None : LiveThresholds.Calibrate(scorer, tracks, watch.Watch, watch.Tracker.HistoryLength, watch.Scoring.TargetFalseAlarmRate);
            return new TrajectoryWatchApp(name, watch, detector, scorer, live, learned);
        }
        catch (ModelLoadException ex)
        {
            problems.Add($"{step}: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            problems.Add($"NormalTracks: '{watch.NormalTracks}' cannot calibrate {step}: {ex.Message}");
        }

        learned?.Dispose();
        detector?.Dispose();
        return null;
    }

    /// <summary>Checks the options that need no file; each problem names its key.</summary>
    internal static void Check(TrajectoryWatchOptions watch, ICollection<string> problems)
    {
        if (string.IsNullOrWhiteSpace(watch.Detector))
        {
            problems.Add("Detector must name the UltraFace ONNX model file.");
        }

        if (string.IsNullOrWhiteSpace(watch.NormalTracks))
        {
            problems.Add("NormalTracks must name a CSV of normal tracks (track_id,t,x,y) to calibrate on.");
        }

        if (!string.Equals(watch.Predictor, TrajectoryWatchOptions.ConstantVelocity, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(watch.Predictor, TrajectoryWatchOptions.Learned, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Predictor must be '{TrajectoryWatchOptions.ConstantVelocity}' or '{TrajectoryWatchOptions.Learned}' (got '{watch.Predictor}').");
        }
        else if (string.Equals(watch.Predictor, TrajectoryWatchOptions.Learned, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(watch.PredictorModel))
        {
            problems.Add("PredictorModel must name the learned predictor's ONNX file when Predictor is 'learned'.");
        }

        foreach (var problem in watch.Detection.Validate())
        {
            problems.Add($"Detection:{problem}");
        }

        foreach (var problem in watch.Inference.Validate())
        {
            problems.Add($"Inference:{problem}");
        }

        foreach (var problem in watch.Tracker.Validate().Concat(watch.Scoring.Validate()).Concat(watch.Watch.Validate()))
        {
            problems.Add(problem);
        }

        if (watch.Watch.MinPoints > watch.Tracker.HistoryLength)
        {
            problems.Add($"Watch:MinPoints ({watch.Watch.MinPoints}) must not exceed Tracker:HistoryLength ({watch.Tracker.HistoryLength}).");
        }

        if (watch.DetectEvery is < 1 or > 1000)
        {
            problems.Add($"DetectEvery must lie between 1 and 1000 (got {watch.DetectEvery}).");
        }

        if (watch.AlertFrameRateHz is { } hz && !(hz is >= 0.1 and <= 1000))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"AlertFrameRateHz must lie between 0.1 and 1000 frames per second, or be left out (got {hz})."));
        }

        if (!(watch.HoldSeconds is >= 0 and <= 86_400))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"HoldSeconds must lie between 0 and 86400 (got {watch.HoldSeconds})."));
        }

        if (watch.EventPoints is < 1 or > 10_000)
        {
            problems.Add($"EventPoints must lie between 1 and 10000 (got {watch.EventPoints}).");
        }
    }
}
