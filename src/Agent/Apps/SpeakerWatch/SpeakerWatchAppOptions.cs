using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Detections.Faces;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Multimodal;
using static System.FormattableString;

namespace Sensact.Agent.Apps.SpeakerWatch;

/// <summary>
/// The <c>speaker-watch</c> kind's options, <c>Apps:{name}:*</c> beside the common ones: the two
/// sensors (<c>Sensors</c>: audio first, then camera), the models, the window, the strategy and its
/// thresholds.
/// </summary>
public sealed class SpeakerWatchAppOptions : AppOptions
{
    /// <summary>Gets or sets the Silero VAD model (its card beside it).</summary>
    public string VadModel { get; set; } = "models/silero-vad/silero_vad.onnx";

    /// <summary>Gets or sets the UltraFace 320 model (its card beside it).</summary>
    public string FaceModel { get; set; } = "models/ultraface/version-RFB-320.onnx";

    /// <summary>Gets or sets the face detector's thresholds (<c>Faces:ScoreThreshold</c>, <c>IouThreshold</c>, <c>MaxFaces</c>).</summary>
    public FaceDetectionOptions Faces { get; set; } = new();

    /// <summary>Gets or sets how ONNX Runtime runs both models.</summary>
    public InferenceOptions Inference { get; set; } = new();

    /// <summary>Gets or sets the decision window's length; 1 s by default.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the strategy: <c>wait-for-complete</c>, <c>pipelined</c>, <c>pipelined+early-exit</c> or <c>full</c> (the default).</summary>
    public string Strategy { get; set; } = "full";

    /// <summary>Gets or sets the confidence at which a window exits early, in (0, 1].</summary>
    public float ExitThreshold { get; set; } = 0.9f;

    /// <summary>Gets or sets the units (both modalities) encoded before an early exit.</summary>
    public int MinUnitsBeforeExit { get; set; } = 2;

    /// <summary>Gets or sets the settled confidence (how sure the label is whatever the camera would still show) at which the camera's remaining units are skipped, in (0, 1].</summary>
    public float SkipThreshold { get; set; } = 0.8f;

    /// <summary>Gets or sets the audio units encoded before the camera may be skipped.</summary>
    public int MinFastUnitsBeforeSkip { get; set; } = 2;

    /// <summary>Gets or sets the share of skipped camera units encoded after the decision to check the skip, in [0, 1].</summary>
    public double AuditFraction { get; set; }

    /// <summary>Gets or sets the seed of the audit's sample.</summary>
    public int AuditSeed { get; set; }

    /// <summary>Gets or sets how long after a window's end it is decided without a sensor that has stopped; unset waits for a later frame.</summary>
    public TimeSpan? CloseTolerance { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets how many of a window's highest speech scores are averaged (1 = the maximum).</summary>
    public int SpeechTopK { get; set; } = 3;

    /// <summary>Gets or sets how many of a window's highest face scores are averaged (1 = the maximum).</summary>
    public int FaceTopK { get; set; } = 3;

    /// <summary>
    /// Gets or sets how often one camera frame shows a face that is in view, in [0, 1): a face in view
    /// stays for the window, so frames without one make it unlikely (0.9 by default; UltraFace finds
    /// the scene's face in 93–100 % of frames). 0 treats frames as independent, like audio units.
    /// </summary>
    public float FaceRecall { get; set; } = 0.9f;

    /// <summary>Gets the sensor names: the audio sensor is the first of <c>Sensors</c>, the camera the second.</summary>
    internal string? AudioSensor => SensorNames.Count > 0 ? SensorNames[0] : null;

    /// <summary>Gets the camera sensor's name.</summary>
    internal string? CameraSensor => SensorNames.Count > 1 ? SensorNames[1] : null;

    /// <summary>Makes the pipeline's options; call after <see cref="Validate"/> found nothing.</summary>
    /// <returns>The pipeline's options.</returns>
    internal MultimodalPipelineOptions ToPipelineOptions()
    {
        var strategy = InferenceStrategyNames.TryParse(Strategy, out var parsed) ? parsed : InferenceStrategy.Full;
        var options = new MultimodalPipelineOptions
        {
            Strategy = strategy,
            ExitThreshold = ExitThreshold,
            MinUnitsBeforeExit = MinUnitsBeforeExit,
            SkipThreshold = SkipThreshold,
            MinFastUnitsBeforeSkip = MinFastUnitsBeforeSkip,
            AuditFraction = AuditFraction,
            AuditSeed = AuditSeed,
        };
        options.Window.Length = Window;
        options.Window.CloseTolerance = CloseTolerance;
        return options;
    }

    /// <summary>Makes the evidence rule's options: speech AND a face, each the mean of its top-k scores.</summary>
    /// <returns>The rule's options.</returns>
    internal PresenceRuleOptions ToRuleOptions()
    {
        var rule = new PresenceRuleOptions();
        rule.Modalities[SpeakerWatchApp.Audio] = new PresenceModalityOptions { Score = "speech", TopK = SpeechTopK };
        rule.Modalities[SpeakerWatchApp.Camera] = new PresenceModalityOptions { Score = "face", TopK = FaceTopK, Recall = FaceRecall };
        return rule;
    }

    /// <summary>Checks the values, naming each bad one by its key relative to the application's section.</summary>
    /// <returns>One message per bad value.</returns>
    internal IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (SensorNames.Count != 2)
        {
            errors.Add(Invariant($"Sensors: a speaker-watch application reads two sensors, the microphone then the camera (got {SensorNames.Count})."));
        }

        if (string.IsNullOrWhiteSpace(VadModel))
        {
            errors.Add("VadModel must name the Silero VAD ONNX file.");
        }

        if (string.IsNullOrWhiteSpace(FaceModel))
        {
            errors.Add("FaceModel must name the UltraFace ONNX file.");
        }

        if (!InferenceStrategyNames.TryParse(Strategy, out _))
        {
            errors.Add(Invariant($"Strategy must be one of {string.Join(", ", InferenceStrategyNames.All)} (got '{Strategy}')."));
        }

        errors.AddRange(Faces.Validate().Select(e => "Faces:" + e));
        errors.AddRange(Inference.Validate().Select(e => "Inference:" + e));
        foreach (var (key, topK) in new[] { (nameof(SpeechTopK), SpeechTopK), (nameof(FaceTopK), FaceTopK) })
        {
            if (topK is < 1 or > 64)
            {
                errors.Add(Invariant($"{key} must be between 1 and 64 (got {topK})."));
            }
        }

        if (!(FaceRecall is >= 0f and < 1f))
        {
            errors.Add(Invariant($"FaceRecall must be in [0, 1) (got {FaceRecall})."));
        }

        // The pipeline's own checks, with its keys mapped back to this section's flat ones.
        errors.AddRange(ToPipelineOptions().Validate().Select(e => e
            .Replace("Window:Length", nameof(Window), StringComparison.Ordinal)
            .Replace("Window:CloseTolerance", nameof(CloseTolerance), StringComparison.Ordinal)));

        return errors;
    }
}
