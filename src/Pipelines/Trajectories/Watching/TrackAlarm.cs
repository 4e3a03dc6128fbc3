using Sensact.Pipelines.Trajectories.Scoring;

namespace Sensact.Pipelines.Trajectories.Watching;

/// <summary>A live track that became anomalous: the start of one anomalous episode.</summary>
/// <param name="TrackId">The tracker's id.</param>
/// <param name="Result">The score, kind, threshold and zone.</param>
/// <param name="Points">A copy of the track's recent matched positions, oldest first.</param>
/// <param name="Time">The time of the frame that raised it.</param>
public sealed record TrackAlarm(long TrackId, TrajectoryAnomaly Result, IReadOnlyList<TrajectoryPoint> Points, TimeSpan Time);
