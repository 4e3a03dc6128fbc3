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
        _weights = new double[(historyLength + 1) * historyLength];
        _weightVariance = new double[historyLength + 1];
        _weightStep = new double[historyLength + 1];
        Array.Fill(_weightStep, double.NaN);
        _impulse = new TrajectoryPoint[historyLength];
    }

    // For windows of evenly spaced positions, the filter's prediction is a fixed weighted sum of the window's
    // positions (it is linear in them, and its gains depend only on the time steps): the weights per window
    // length, for the latest step seen, found by running the filter on unit impulses.
    private readonly double[] _weights;
    private readonly double[] _weightVariance;
    private readonly double[] _weightStep;
    private readonly TrajectoryPoint[] _impulse;

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

    /// <inheritdoc />
    /// <remarks>Windows of evenly spaced positions (the common case) are predicted as weighted sums, the weights found once per step and window length; others run the filter.</remarks>
    public int PredictTrack(ReadOnlySpan<TrajectoryPoint> track, Span<PredictedPosition> predictions, Span<bool> valid)
    {
        TrajectoryPredictions.CheckLengths(track, predictions, valid);
        var count = 0;
        for (var i = 0; i < track.Length; i++)
        {
            var from = Math.Max(0, i - HistoryLength);
            valid[i] = i >= MinHistory && (Even(track, from, i, out var step)
                ? TryWeighted(track[from..i], step, out predictions[i])
                : TryPredict(track[from..i], track[i].T, out predictions[i]));
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

    // Whether the positions from..i (the one predicted included) are evenly spaced in time, and by what.
    private static bool Even(ReadOnlySpan<TrajectoryPoint> track, int from, int i, out double step)
    {
        step = track[i].T - track[i - 1].T;
        if (!(step > 0) || !double.IsFinite(step) || !double.IsFinite(track[i].X) || !double.IsFinite(track[i].Y))
        {
            return false;
        }

        for (var k = from + 1; k < i; k++)
        {
            if (Math.Abs(track[k].T - track[k - 1].T - step) > 1e-9 * step)
            {
                return false;
            }
        }

        return true;
    }

    private bool TryWeighted(ReadOnlySpan<TrajectoryPoint> window, double step, out PredictedPosition prediction)
    {
        var length = window.Length;
        var weights = _weights.AsSpan(length * HistoryLength, length);
        // Steps that differ by float rounding share weights (NaN, before any, differs from every step).
        if (!(Math.Abs(_weightStep[length] - step) <= 1e-9 * step))
        {
            // One unit impulse per position: the prediction's x is that position's weight.
            for (var k = 0; k < length; k++)
            {
                for (var j = 0; j < length; j++)
                {
                    _impulse[j] = new TrajectoryPoint(j * step, j == k ? 1 : 0, 0);
                }

                if (!TryPredict(_impulse.AsSpan(0, length), length * step, out var unit))
                {
                    prediction = default;
                    return false;
                }

                weights[k] = unit.X;
                _weightVariance[length] = unit.VarianceX;
            }

            _weightStep[length] = step;
        }

        double x = 0, y = 0;
        for (var k = 0; k < length; k++)
        {
            x += weights[k] * window[k].X;
            y += weights[k] * window[k].Y;
        }

        var variance = _weightVariance[length];
        prediction = new PredictedPosition(x, y, variance, 0, variance);
        return double.IsFinite(x) && double.IsFinite(y);
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive, finite number.");
        }
    }
}
