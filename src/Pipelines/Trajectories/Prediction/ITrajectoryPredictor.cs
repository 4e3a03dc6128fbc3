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

    /// <summary>
    /// Predicts every position of a track from the positions before it: for each <c>i</c> from
    /// <see cref="MinHistory"/> to the end, what <see cref="TryPredict"/> gives for
    /// <c>track[max(0, i - HistoryLength)..i]</c> at <c>track[i].T</c> (to float rounding).
    /// </summary>
    /// <remarks>
    /// By default a loop over <see cref="TryPredict"/>; a predictor with a fixed cost per call (one
    /// run of a model) overrides it to predict the whole track at once.
    /// </remarks>
    /// <param name="track">The track's positions, oldest first.</param>
    /// <param name="predictions">Receives at <c>[i]</c> the prediction of <c>track[i]</c>; at least as long as <paramref name="track"/>; entries not <paramref name="valid"/> are <c>default</c>.</param>
    /// <param name="valid">Receives at <c>[i]</c> whether <c>predictions[i]</c> is a prediction (false before <see cref="MinHistory"/> and wherever <see cref="TryPredict"/> returns false); at least as long as <paramref name="track"/>.</param>
    /// <returns>How many positions were predicted.</returns>
    /// <exception cref="ArgumentException"><paramref name="predictions"/> or <paramref name="valid"/> is shorter than <paramref name="track"/>.</exception>
    int PredictTrack(ReadOnlySpan<TrajectoryPoint> track, Span<PredictedPosition> predictions, Span<bool> valid)
    {
        TrajectoryPredictions.CheckLengths(track, predictions, valid);
        var (least, length) = (MinHistory, HistoryLength);
        var count = 0;
        for (var i = 0; i < track.Length; i++)
        {
            var from = Math.Max(0, i - length);
            valid[i] = i >= least && TryPredict(track[from..i], track[i].T, out predictions[i]);
            if (valid[i])
            {
                count++;
            }
            else
            {
                predictions[i] = default;
            }
        }

        return count;
    }
}
