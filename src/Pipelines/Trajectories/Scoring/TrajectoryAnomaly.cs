namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>A track's anomaly score and verdict.</summary>
/// <param name="Score">How anomalous the track is: the largest of its components' scores in decades of rarity (-log10 of the share of normal stretches as long that reach it, with an exponential tail beyond the 90th percentile); higher is worse.</param>
/// <param name="Kind">The guessed kind, one of <see cref="AnomalyKinds"/>.</param>
/// <param name="IsAnomaly">Whether <paramref name="Score"/> is above the threshold of the track's zone.</param>
/// <param name="Threshold">The threshold that applied.</param>
/// <param name="Zone">The zone holding most of the track's positions, or null.</param>
public readonly record struct TrajectoryAnomaly(double Score, string Kind, bool IsAnomaly, double Threshold, string? Zone);
