namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>What the tracker dropped or repaired since it was made.</summary>
/// <param name="Frames">Frames taken.</param>
/// <param name="OutOfOrderFrames">Frames dropped because their time was not after the previous frame's (duplicate or out of order).</param>
/// <param name="NonFinite">Detections dropped for a NaN or infinite coordinate, score or size, or a negative size.</param>
/// <param name="LowScore">Detections dropped below <see cref="TrackerOptions.MinScore"/>.</param>
/// <param name="OutsideFrame">Detections dropped because their centre lay outside the frame.</param>
/// <param name="Clamped">Boxes cut to the frame.</param>
/// <param name="OverCapacity">Detections that could not start a track because <see cref="TrackerOptions.MaxTracks"/> were alive.</param>
/// <param name="Births">Tracks started.</param>
/// <param name="Deaths">Tracks deleted.</param>
public readonly record struct TrackerCounters(
    long Frames,
    long OutOfOrderFrames,
    long NonFinite,
    long LowScore,
    long OutsideFrame,
    long Clamped,
    long OverCapacity,
    long Births,
    long Deaths);
