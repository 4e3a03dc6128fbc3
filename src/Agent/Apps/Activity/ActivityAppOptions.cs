using Sensact.Pipelines.Models;

namespace Sensact.Agent.Apps.Activity;

/// <summary>The <c>activity</c> kind's options: <c>Apps:{name}:Model</c> and <c>MinConfidence</c>, beside the common ones.</summary>
public sealed class ActivityAppOptions : AppOptions
{
    /// <summary>
    /// Gets or sets the ONNX classifier; its model card (<c>.json</c> beside it) gives labels,
    /// sample rate, window size and hop.
    /// </summary>
    public string Model { get; set; } = "models/activity/activity-classifier.onnx";

    /// <summary>Gets or sets how ONNX Runtime runs the model: threads, spinning, execution provider.</summary>
    public InferenceOptions Inference { get; set; } = new();

    /// <summary>Gets or sets the confidence a decision needs to be emitted, in [0, 1]; 0 emits every window's decision.</summary>
    public double MinConfidence { get; set; }
}
