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
    public void PredictTrack_AsTryPredictAtEveryPosition_EvenUnevenRepeatedAndBadTimes()
    {
        var random = new Random(4);
        var predictor = new KalmanTrajectoryPredictor(processNoise: 0.05, measurementNoise: 0.01);
        for (var trial = 0; trial < 40; trial++)
        {
            // Evenly spaced stretches (the weighted sums) broken by uneven steps, repeated times and a NaN (the filter).
            var t = 0.0;
            var track = new TrajectoryPoint[60];
            for (var i = 0; i < track.Length; i++)
            {
                t += random.NextDouble() < 0.1 ? (random.NextDouble() < 0.3 ? 0 : 0.05 + random.NextDouble()) : (trial % 2 == 0 ? 0.1 : 1);
                track[i] = new TrajectoryPoint(t, (3 * t) + (0.1 * random.NextDouble()), (random.NextDouble() < 0.02 ? double.NaN : Math.Sin(t)));
            }

            var predictions = new PredictedPosition[track.Length];
            var valid = new bool[track.Length];
            var count = predictor.PredictTrack(track, predictions, valid);

            var expected = 0;
            for (var i = 0; i < track.Length; i++)
            {
                var from = Math.Max(0, i - predictor.HistoryLength);
                var p = default(PredictedPosition);
                var one = i >= predictor.MinHistory && predictor.TryPredict(track.AsSpan(from, i - from), track[i].T, out p);
                Assert.Equal(one, valid[i]);
                if (one)
                {
                    expected++;
                    Assert.Equal(p.X, predictions[i].X, 9);
                    Assert.Equal(p.Y, predictions[i].Y, 9);
                    Assert.Equal(p.VarianceX, predictions[i].VarianceX, 12);
                }
            }

            Assert.Equal(expected, count);
        }
    }

    [Fact]
    public void PredictTrack_Warm_AllocatesNothing()
    {
        var predictor = new KalmanTrajectoryPredictor(processNoise: 0.1, measurementNoise: 0.01);
        TrajectoryPoint[] track = [.. Enumerable.Range(0, 100).Select(i => new TrajectoryPoint(i * 0.1, i, 0))];
        var predictions = new PredictedPosition[100];
        var valid = new bool[100];

        Assert.Equal(0, Allocations.SteadyState(() => predictor.PredictTrack(track, predictions, valid)));
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
