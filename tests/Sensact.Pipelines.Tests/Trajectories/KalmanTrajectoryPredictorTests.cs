using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Prediction;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Trajectories;

public class KalmanTrajectoryPredictorTests
{
    [Fact]
    public void TryPredict_StraightUnevenlySampledLine_PredictsOnTheLine()
    {
        var predictor = new KalmanTrajectoryPredictor(processNoise: 1e-4, measurementNoise: 1e-4, historyLength: 8);
        double[] times = [0, 0.1, 0.15, 0.4, 0.45, 0.7, 0.75, 1.0];
        TrajectoryPoint[] history = [.. times.Select(t => new TrajectoryPoint(t, 1 + (2 * t), 5 - t))];

        Assert.True(predictor.TryPredict(history, 1.5, out var p));

        Assert.Equal(4, p.X, 2);
        Assert.Equal(3.5, p.Y, 2);
        Assert.True(p.Mahalanobis2(4, 3.5) < 1);
        Assert.True(p.Mahalanobis2(5, 3.5) > 100);
    }

    [Fact]
    public void TryPredict_FurtherAhead_IsLessCertain()
    {
        var predictor = new KalmanTrajectoryPredictor(processNoise: 0.1, measurementNoise: 0.01);
        TrajectoryPoint[] history = [.. Enumerable.Range(0, 8).Select(i => new TrajectoryPoint(i, i, 0))];

        Assert.True(predictor.TryPredict(history, 8, out var near));
        Assert.True(predictor.TryPredict(history, 12, out var far));

        Assert.True(far.VarianceX > near.VarianceX);
        Assert.True(near.VarianceX > predictor.MeasurementNoise);
    }

    [Fact]
    public void TryPredict_TooShortOrNotAfter_ReturnsFalse_BadTimesAreSkipped()
    {
        var predictor = new KalmanTrajectoryPredictor(processNoise: 0.1, measurementNoise: 0.01);

        Assert.False(predictor.TryPredict([new TrajectoryPoint(0, 0, 0)], 1, out _));
        Assert.False(predictor.TryPredict([new TrajectoryPoint(0, 0, 0), new TrajectoryPoint(1, 1, 0)], 1, out _));
        TrajectoryPoint[] clean = [new(0, 0, 0), new(1, 1, 0), new(2, 2, 0)];
        TrajectoryPoint[] repeated = [new(0, 0, 0), new(1, 1, 0), new(1, 50, 50), new(0.5, -9, 9), new(2, 2, 0)];
        Assert.True(predictor.TryPredict(clean, 3, out var a));
        Assert.True(predictor.TryPredict(repeated, 3, out var b));
        Assert.Equal(a, b);
    }

    [Fact]
    public void TryPredict_Warm_AllocatesNothing()
    {
        var predictor = new KalmanTrajectoryPredictor(processNoise: 0.1, measurementNoise: 0.01);
        TrajectoryPoint[] history = [.. Enumerable.Range(0, 8).Select(i => new TrajectoryPoint(i, i, 0))];

        Assert.Equal(0, Allocations.SteadyState(() => predictor.TryPredict(history, 9, out _)));
    }

    [Fact]
    public void Constructor_BadNoise_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KalmanTrajectoryPredictor(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KalmanTrajectoryPredictor(1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KalmanTrajectoryPredictor(1, 1, historyLength: 1));
    }

    [Fact]
    public void Mahalanobis2_CorrelatedCovariance_MatchesTheInverse()
    {
        var p = new PredictedPosition(0, 0, VarianceX: 2, CovarianceXY: 1, VarianceY: 2);

        // Σ⁻¹ = [2 -1; -1 2] / 3, so (1, 1) gives (2 - 2 + 2) / 3 and (1, -1) gives (2 + 2 + 2) / 3.
        Assert.Equal(2.0 / 3, p.Mahalanobis2(1, 1), 9);
        Assert.Equal(2.0, p.Mahalanobis2(1, -1), 9);
        Assert.Equal(double.PositiveInfinity, new PredictedPosition(0, 0, 1, 1, 1).Mahalanobis2(1, 0));
    }
}
