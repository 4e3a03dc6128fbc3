namespace Sensact.Simulators.Trajectories;

/// <summary>One measured point of a complete simulated track.</summary>
/// <param name="Time">Seconds since the scene epoch.</param>
/// <param name="X">The measured x, metres.</param>
/// <param name="Y">The measured y, metres.</param>
/// <param name="Anomalous">Whether the track's anomaly is under way at this point.</param>
public readonly record struct TrackPoint(double Time, double X, double Y, bool Anomalous);
