namespace Sensact.Pipelines.Trajectories.Prediction;

/// <summary>Checks shared by the implementations of <see cref="ITrajectoryPredictor.PredictTrack"/>.</summary>
internal static class TrajectoryPredictions
{
    /// <summary>Throws when the outputs cannot hold one entry per position of the track.</summary>
    /// <exception cref="ArgumentException"><paramref name="predictions"/> or <paramref name="valid"/> is shorter than <paramref name="track"/>.</exception>
    public static void CheckLengths(ReadOnlySpan<TrajectoryPoint> track, Span<PredictedPosition> predictions, Span<bool> valid)
    {
        if (predictions.Length < track.Length)
        {
            throw new ArgumentException($"Room for {predictions.Length} predictions; the track has {track.Length} positions.", nameof(predictions));
        }

        if (valid.Length < track.Length)
        {
            throw new ArgumentException($"Room for {valid.Length} flags; the track has {track.Length} positions.", nameof(valid));
        }
    }
}
