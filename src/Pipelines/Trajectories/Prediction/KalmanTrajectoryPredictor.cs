using Sensact.Pipelines.Trajectories.Tracking;

namespace Sensact.Pipelines.Trajectories.Prediction;

/// <summary>
/// The baseline predictor: a constant-velocity Kalman filter run over the latest positions (time
/// steps from their times, so uneven sampling works) and then moved ahead to the time asked for.
/// </summary>
public sealed class KalmanTrajectoryPredictor : ITrajectoryPredictor
{
    /// <summary>Makes a predictor.</summary>
    /// <param name="processNoise">The spectral density of white acceleration, units²/s³.</param>
    /// <param name="measurementNoise">The variance of an observed position per axis, units².</param>
    /// <param name="historyLength">How many of the latest positions to filter.</param>
    /// <param name="initialVelocityVariance">The velocity's variance before the first position, (units/s)².</param>
    /// <exception cref="ArgumentOutOfRangeException">A noise is not positive and finite, or <paramref name="historyLength"/> is below 2.</exception>
    public KalmanTrajectoryPredictor(double processNoise, double measurementNoise, int historyLength = 8, double initialVelocityVariance = 100)
    {
        Positive(processNoise, nameof(processNoise));
        Positive(measurementNoise, nameof(measurementNoise));
        Positive(initialVelocityVariance, nameof(initialVelocityVariance));
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLength, 2);
        ProcessNoise = processNoise;
        MeasurementNoise = measurementNoise;
        HistoryLength = historyLength;
        InitialVelocityVariance = initialVelocityVariance;
    }

    /// <summary>Gets the spectral density of white acceleration, units²/s³.</summary>
    public double ProcessNoise { get; }

    /// <summary>Gets the variance of an observed position per axis, units².</summary>
    public double MeasurementNoise { get; }

    /// <summary>Gets the velocity's variance before the first position, (units/s)².</summary>
    public double InitialVelocityVariance { get; }

    /// <inheritdoc />
    public int HistoryLength { get; }

    /// <inheritdoc />
    public int MinHistory => 2;

    /// <inheritdoc />
    public bool TryPredict(ReadOnlySpan<TrajectoryPoint> history, double time, out PredictedPosition prediction)
    {
        prediction = default;
        if (history.Length < MinHistory || !(time > history[^1].T))
        {
            return false;
        }

        if (history.Length > HistoryLength)
        {
            history = history[^HistoryLength..];
        }

        var kalman = default(ConstantVelocityKalman);
        kalman.Start(history[0].X, history[0].Y, MeasurementNoise, InitialVelocityVariance);
        var last = history[0].T;
        for (var i = 1; i < history.Length; i++)
        {
            var dt = history[i].T - last;
            if (!(dt > 0))
            {
                continue; // a duplicate or out-of-order time: skipped, not folded in
            }

            last = history[i].T;
            kalman.Predict(dt, ProcessNoise);
            kalman.Update(history[i].X, history[i].Y, MeasurementNoise);
        }

        kalman.Predict(time - last, ProcessNoise);
        var variance = kalman.InnovationVariance(MeasurementNoise);
        prediction = new PredictedPosition(kalman.X, kalman.Y, variance, 0, variance);
        return double.IsFinite(kalman.X) && double.IsFinite(kalman.Y) && double.IsFinite(variance);
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive, finite number.");
        }
    }
}
