using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Prediction;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Trajectories;

/// <summary><see cref="ITrajectoryPredictor.PredictTrack"/>: the default loop, and the learned predictor's one batch per track, on the shipped model.</summary>
public sealed class PredictTrackTests : IDisposable
{
    private static readonly string ShippedModel = Path.Combine(AppContext.BaseDirectory, "models", "trajectory", "trajectory-predictor.onnx");

    private readonly OnnxTrajectoryPredictor _learned = OnnxTrajectoryPredictor.Load(ShippedModel, residualVariance: 0.08);

    public void Dispose() => _learned.Dispose();

    public static TheoryData<int> Lengths() => [0, 5, 9, 10, 17, 40, 100, 300, 12];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void PredictTrack_ShippedModel_EqualsTryPredictAtEveryPosition(int length)
    {
        // Uneven steps, a repeated time (its position cannot be predicted) and a turn; lengths across several batch sizes.
        var random = new Random(length);
        var track = new TrajectoryPoint[length];
        double t = 0, x = 3, y = -2, heading = 0.3;
        for (var i = 0; i < length; i++)
        {
            t += i == 11 ? 0 : 0.05 + (0.1 * random.NextDouble());
            heading += i > 20 ? 0.15 : 0.02 * (random.NextDouble() - 0.5);
            x += Math.Cos(heading) * (1 + random.NextDouble());
            y += Math.Sin(heading) * (1 + random.NextDouble());
            track[i] = new TrajectoryPoint(t, x, y);
        }

        AssertSameAsOneByOne(_learned, track);
    }

    [Fact]
    public void PredictTrack_ShippedModel_EqualsTryPredictOnSyntheticTraffic()
    {
        var tracks = new SyntheticTracks(5);
        foreach (var track in tracks.Normals(5).Concat(AnomalyKinds.All.Select(tracks.Anomalous)))
        {
            AssertSameAsOneByOne(_learned, track);
        }
    }

    [Fact]
    public void PredictTrack_DefaultMethod_IsTheLoopOverTryPredict()
    {
        // Seen only through TryPredict (the Kalman predictor has its own PredictTrack, tested with it).
        ITrajectoryPredictor kalman = new OneByOne(new KalmanTrajectoryPredictor(processNoise: 0.05, measurementNoise: 0.01, historyLength: 8));
        var track = new SyntheticTracks(6).Anomalous(AnomalyKinds.Swerve);
        track[30] = track[30] with { T = track[29].T };

        var predictions = new PredictedPosition[track.Length + 3];
        var valid = new bool[track.Length + 3];
        var count = kalman.PredictTrack(track, predictions, valid);

        Assert.Equal(track.Length - 3, count); // none before 2 positions, none at the repeated time
        for (var i = 0; i < track.Length; i++)
        {
            var expected = i >= 2 & kalman.TryPredict(track.AsSpan(Math.Max(0, i - 8), i - Math.Max(0, i - 8)), track[i].T, out var p);
            Assert.Equal(expected, valid[i]);
            Assert.Equal(expected ? p : default, predictions[i]);
        }
    }

    [Fact]
    public void PredictTrack_OutputsShorterThanTheTrack_Throws()
    {
        var track = new SyntheticTracks(2).Normal();
        ITrajectoryPredictor kalman = TrajectoryScorer.DefaultPredictor();

        Assert.Throws<ArgumentException>("predictions", () => _learned.PredictTrack(track, new PredictedPosition[99], new bool[100]));
        Assert.Throws<ArgumentException>("valid", () => _learned.PredictTrack(track, new PredictedPosition[100], new bool[99]));
        Assert.Throws<ArgumentException>("valid", () => kalman.PredictTrack(track, new PredictedPosition[100], new bool[10]));
    }

    [Fact]
    public void PredictTrack_Warm_AllocatesNothing()
    {
        var track = new SyntheticTracks(3).Normal();
        var predictions = new PredictedPosition[track.Length];
        var valid = new bool[track.Length];

        Assert.Equal(0, Allocations.SteadyState(() => _learned.PredictTrack(track, predictions, valid)));
    }

    [Fact]
    public void TrajectoryScorer_LearnedPredictor_ScoresAsPositionByPositionAndAllocatesNothing()
    {
        var normals = new SyntheticTracks(1).Normals(150);
        _learned.Calibrate(normals);
        var batched = TrajectoryScorer.Calibrate(normals, new TrajectoryScoringOptions(), CalibrationMode.Normal, _learned);
        var oneByOne = TrajectoryScorer.Calibrate(normals, new TrajectoryScoringOptions(), CalibrationMode.Normal, new OneByOne(_learned));
        Assert.Equal(oneByOne.Threshold, batched.Threshold, 6);

        var tracks = new SyntheticTracks(31);
        foreach (var track in tracks.Normals(20).Concat(AnomalyKinds.All.Select(tracks.Anomalous)))
        {
            Assert.True(batched.TryScore(track, out var a));
            Assert.True(oneByOne.TryScore(track, out var b));
            Assert.Equal(b.Score, a.Score, 6);
            Assert.Equal(b.Kind, a.Kind);
            Assert.Equal(b.IsAnomaly, a.IsAnomaly);
        }

        var warm = tracks.Normal();
        Assert.Equal(0, Allocations.SteadyState(() => batched.TryScore(warm, out _)));
    }

    private static void AssertSameAsOneByOne(OnnxTrajectoryPredictor predictor, TrajectoryPoint[] track)
    {
        var predictions = new PredictedPosition[track.Length];
        var valid = new bool[track.Length];
        var count = predictor.PredictTrack(track, predictions, valid);

        var expectedCount = 0;
        for (var i = 0; i < track.Length; i++)
        {
            var from = Math.Max(0, i - predictor.HistoryLength);
            var expected = i >= predictor.MinHistory & predictor.TryPredict(track.AsSpan(from, i - from), track[i].T, out var p);
            Assert.True(expected == valid[i], $"position {i} of {track.Length}: valid {valid[i]}, one by one {expected}");
            if (expected)
            {
                expectedCount++;

                // The batch runs the same arithmetic in float; only the model's kernel may round differently.
                var tolerance = 1e-5 * (1 + Math.Sqrt(p.VarianceX));
                Assert.InRange(predictions[i].X, p.X - tolerance, p.X + tolerance);
                Assert.InRange(predictions[i].Y, p.Y - tolerance, p.Y + tolerance);
                Assert.Equal(p.VarianceX, predictions[i].VarianceX, 12);
                Assert.Equal(p.VarianceY, predictions[i].VarianceY, 12);
            }
            else
            {
                Assert.Equal(default, predictions[i]);
            }
        }

        Assert.Equal(expectedCount, count);
        Assert.True(track.Length < 20 || count >= track.Length - 11, $"{count} of {track.Length} predicted");
    }

    // A predictor seen only through TryPredict, so callers take the default, position-by-position PredictTrack.
    private sealed class OneByOne(ITrajectoryPredictor inner) : ITrajectoryPredictor
    {
        public int HistoryLength => inner.HistoryLength;

        public int MinHistory => inner.MinHistory;

        public bool TryPredict(ReadOnlySpan<TrajectoryPoint> history, double time, out PredictedPosition prediction) => inner.TryPredict(history, time, out prediction);
    }
}
