namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>How the tracker prices a (track, detection) pair.</summary>
public enum TrackCost
{
    /// <summary>1 - IoU when both the track and the detection are boxes, the Mahalanobis distance otherwise.</summary>
    Auto,

    /// <summary>1 - IoU of the predicted box and the detected box, gated by <see cref="TrackerOptions.MinIou"/>.</summary>
    Iou,

    /// <summary>The squared Mahalanobis distance of the detection's centre from the predicted one, gated by <see cref="TrackerOptions.Gate"/>.</summary>
    Mahalanobis,

    /// <summary>The Euclidean distance of the centres, gated by <see cref="TrackerOptions.MaxDistance"/>.</summary>
    Euclidean,
}
