namespace Sensact.Simulators.Trajectories;

/// <summary>A complete simulated track: from entering the scene to leaving it, sampled at a fixed rate, with its truth.</summary>
/// <param name="Truth">The track's ground truth.</param>
/// <param name="Points">Its measured points, oldest first, at every sample time while it is present.</param>
public sealed record SimulatedTrack(TrajectoryTruth Truth, IReadOnlyList<TrackPoint> Points);
