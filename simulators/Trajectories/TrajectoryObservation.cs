namespace Sensact.Simulators.Trajectories;

/// <summary>One object present in the trajectory scene at one instant: where it is measured, where it truly is, and its truth.</summary>
/// <param name="TrackId">The track's id (see <see cref="TrajectoryTruth.TrackId"/>).</param>
/// <param name="Lane">The lane it follows.</param>
/// <param name="X">The measured x, metres from the scene's left edge (true position plus Gaussian noise, σ 5 cm).</param>
/// <param name="Y">The measured y, metres from the scene's top edge (downwards, as in the camera's frame).</param>
/// <param name="TrueX">The true x, metres.</param>
/// <param name="TrueY">The true y, metres.</param>
/// <param name="Kind">The track's kind (normal or its anomaly), whether or not the anomaly has started.</param>
/// <param name="Anomalous">Whether the anomaly is under way at this instant.</param>
public readonly record struct TrajectoryObservation(long TrackId, int Lane, double X, double Y, double TrueX, double TrueY, TrajectoryAnomalyKind Kind, bool Anomalous);
