using Sensact.Pipelines.Delivery;

namespace Sensact.Agent.Activity;

/// <summary>The IMU activity pipeline: configuration section <c>Activity</c>.</summary>
public sealed class ActivityOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Activity";

    /// <summary>Gets or sets whether the pipeline runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the ONNX classifier; its model card (<c>.json</c> beside it) gives labels,
    /// window size and hop.
    /// </summary>
    public string Model { get; set; } = "models/activity/activity-classifier.onnx";

    /// <summary>Gets or sets how IMU frames reach the classifier when it falls behind.</summary>
    public DeliveryPolicy Delivery { get; set; } = DeliveryPolicy.DropOldest(256);
}
