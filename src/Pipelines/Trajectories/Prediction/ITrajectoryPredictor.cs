namespace Sensact.Pipelines.Trajectories.Prediction;

/// <summary>Predicts where a track will be next, with the uncertainty of that guess, from its latest positions.</summary>
/// <remarks>One caller at a time; a prediction allocates nothing.</remarks>
public interface ITrajectoryPredictor
{
    /// <summary>Gets how many of the latest positions the predictor reads; it uses fewer when a track is younger.</summary>
    int HistoryLength { get; }

    /// <summary>Gets the fewest positions a prediction needs.</summary>
    int MinHistory { get; }

    /// <summary>Predicts the position at <paramref name="time"/>.</summary>
    /// <param name="history">The track's positions, oldest first, times increasing; only the latest <see cref="HistoryLength"/> are read.</param>
    /// <param name="time">The time to predict for, after the last position's.</param>
    /// <param name="prediction">The prediction, in the history's units.</param>
    /// <returns>False when the history is too short or <paramref name="time"/> is not after its last point.</returns>
    bool TryPredict(ReadOnlySpan<TrajectoryPoint> history, double time, out PredictedPosition prediction);
}
