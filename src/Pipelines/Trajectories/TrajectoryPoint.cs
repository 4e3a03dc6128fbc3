namespace Sensact.Pipelines.Trajectories;

/// <summary>One observed position of a track.</summary>
/// <param name="T">The time, in seconds (any origin; increasing along a track).</param>
/// <param name="X">The horizontal coordinate, in the source's units.</param>
/// <param name="Y">The vertical coordinate, in the source's units.</param>
public readonly record struct TrajectoryPoint(double T, double X, double Y);
