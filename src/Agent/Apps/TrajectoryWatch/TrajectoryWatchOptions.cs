using Sensact.Pipelines.Detections.Faces;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Tracking;
using Sensact.Pipelines.Trajectories.Watching;

namespace Sensact.Agent.Apps.TrajectoryWatch;

/// <summary>The <c>trajectory-watch</c> kind's options (<c>Apps:{name}:*</c>), beside the common ones.</summary>
public sealed class TrajectoryWatchOptions : AppOptions
{
    /// <summary>The name of the constant-velocity predictor.</summary>
    public const string ConstantVelocity = "constant-velocity";

    /// <summary>The name of the learned (ONNX) predictor.</summary>
    public const string Learned = "learned";

    /// <summary>Gets or sets the UltraFace 320 model that finds the moving objects (faces) in each frame.</summary>
    public string Detector { get; set; } = "models/ultraface/version-RFB-320.onnx";

    /// <summary>Gets or sets the detector's thresholds.</summary>
    public FaceDetectionOptions Detection { get; set; } = new();

    /// <summary>Gets or sets how ONNX Runtime runs the models.</summary>
    public InferenceOptions Inference { get; set; } = new();

    /// <summary>Gets or sets the predictor of the step score: <c>constant-velocity</c> or <c>learned</c>.</summary>
    public string Predictor { get; set; } = ConstantVelocity;

    /// <summary>Gets or sets the learned predictor's ONNX model (its card beside it); read when <see cref="Predictor"/> is <c>learned</c>.</summary>
    public string PredictorModel { get; set; } = "models/trajectory/trajectory-predictor.onnx";

    /// <summary>
    /// Gets or sets the CSV of normal traffic (<c>track_id,t,x,y</c>, positions in fractions of the
    /// frame, as the detector reports them) the thresholds are calibrated on at start.
    /// </summary>
    public string NormalTracks { get; set; } = "models/trajectory/normal-traffic.csv";

    /// <summary>Gets the tracker's settings (positions in fractions of the frame).</summary>
    public TrackerOptions Tracker { get; set; } = new() { HistoryLength = 100, FrameWidth = 1, FrameHeight = 1 };

    /// <summary>Gets the scorer's settings: horizon, windows, the false-alarm target, zones with their own thresholds.</summary>
    public TrajectoryScoringOptions Scoring { get; set; } = new();

    /// <summary>Gets when live tracks are scored.</summary>
    public TrackWatchOptions Watch { get; set; } = new();

    /// <summary>
    /// Gets or sets the skipping: the detector runs on every this many frames (1: every frame) while
    /// no anomaly lasts; during an anomaly it runs on every frame.
    /// </summary>
    public int DetectEvery { get; set; } = 2;

    /// <summary>Gets or sets the camera's rate while an anomaly lasts, frames per second; null: the rate is left alone.</summary>
    public double? AlertFrameRateHz { get; set; } = 20;

    /// <summary>Gets or sets how long after the last anomalous track the rate and skipping are restored, seconds.</summary>
    public double HoldSeconds { get; set; } = 5;

    /// <summary>Gets or sets the most recent points an anomaly event carries.</summary>
    public int EventPoints { get; set; } = 30;
}
