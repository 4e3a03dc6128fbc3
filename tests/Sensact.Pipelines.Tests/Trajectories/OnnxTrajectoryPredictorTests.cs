using Sensact.Pipelines.Models;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Prediction;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Trajectories;

public sealed class OnnxTrajectoryPredictorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TryPredict_LastStepModel_ExtrapolatesTheLastDisplacement()
    {
        using var predictor = OnnxTrajectoryPredictor.Load(Model(TinyOnnxModel.LastStep(), residualVariance: 0.04));
        // Uneven steps: the model sees them divided by their mean length and returns the last one.
        TrajectoryPoint[] history = [.. Enumerable.Range(0, 12).Select(i => new TrajectoryPoint(i * 0.1, (i * i * 0.5) + 3, -2.0 * i))];

        Assert.True(predictor.TryPredict(history, 1.2, out var p));

        var last = history[^1];
        var step = (X: last.X - history[^2].X, Y: last.Y - history[^2].Y);
        Assert.Equal(last.X + step.X, p.X, 4);
        Assert.Equal(last.Y + step.Y, p.Y, 4);
        var s = Enumerable.Range(history.Length - 8, 8).Average(i => Math.Sqrt(Math.Pow(history[i].X - history[i - 1].X, 2) + Math.Pow(history[i].Y - history[i - 1].Y, 2)));
        Assert.Equal(0.04 * s * s, p.VarianceX, 6);
        Assert.Equal(0, p.CovarianceXY);
    }

    [Fact]
    public void TryPredict_DoubleTheStep_StretchesTheDisplacement()
    {
        using var predictor = OnnxTrajectoryPredictor.Load(Model(TinyOnnxModel.LastStep(), residualVariance: 0.04));
        TrajectoryPoint[] history = [.. Enumerable.Range(0, 9).Select(i => new TrajectoryPoint(i, i, 0))];

        Assert.True(predictor.TryPredict(history, 10, out var p));
        Assert.Equal(10, p.X, 4);
        Assert.False(predictor.TryPredict(history.AsSpan(1), 10, out _)); // 8 points: 7 displacements
        Assert.False(predictor.TryPredict(history, 8, out _)); // not after the last point
    }

    [Fact]
    public void TryPredict_AgreesWithTheKalmanBaselineOnStraightMotion()
    {
        using var onnx = OnnxTrajectoryPredictor.Load(Model(TinyOnnxModel.LastStep(), residualVariance: 0.01));
        var kalman = new KalmanTrajectoryPredictor(processNoise: 1e-6, measurementNoise: 1e-6, historyLength: 9);
        TrajectoryPoint[] history = [.. Enumerable.Range(0, 9).Select(i => new TrajectoryPoint(i * 0.5, 2 + (3.0 * i), 1 - (1.5 * i)))];

        Assert.True(onnx.TryPredict(history, 4.5, out var a));
        Assert.True(kalman.TryPredict(history, 4.5, out var b));
        Assert.Equal(b.X, a.X, 2);
        Assert.Equal(b.Y, a.Y, 2);
    }

    [Fact]
    public void Calibrate_MeasuresTheResidualOnNormalTracks()
    {
        using var predictor = OnnxTrajectoryPredictor.Load(Model(TinyOnnxModel.LastStep(), residualVariance: 1));
        var random = new Random(4);
        var tracks = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 50).Select(i => new TrajectoryPoint(i, i + (0.1 * Gaussian(random)), 0.1 * Gaussian(random))).ToArray()).ToList();

        var variance = predictor.Calibrate(tracks);

        // Last-step prediction of a noisy line: the error is n[i] - 2 n[i-1] + n[i-2], variance 6 x 0.01 per axis (s is about 1).
        Assert.InRange(variance, 0.045, 0.08);
        Assert.Equal(variance, predictor.ResidualVariance);
    }

    [Fact]
    public void TryPredict_Warm_AllocatesNothing()
    {
        using var predictor = OnnxTrajectoryPredictor.Load(Model(TinyOnnxModel.LastStep(), residualVariance: 0.04));
        TrajectoryPoint[] history = [.. Enumerable.Range(0, 9).Select(i => new TrajectoryPoint(i, i, 0))];

        Assert.Equal(0, Allocations.SteadyState(() => predictor.TryPredict(history, 9, out _)));
    }

    [Fact]
    public void TrajectoryScorer_WithTheOnnxPredictor_CatchesSwerves()
    {
        using var predictor = OnnxTrajectoryPredictor.Load(Model(TinyOnnxModel.LastStep(), residualVariance: 1));
        var normals = new SyntheticTracks(1).Normals(200);
        predictor.Calibrate(normals);
        var scorer = TrajectoryScorer.Calibrate(normals, new TrajectoryScoringOptions(), CalibrationMode.Normal, predictor);
        var tracks = new SyntheticTracks(21);

        var swerves = Enumerable.Range(0, 10).Count(_ => scorer.TryScore(tracks.Anomalous(AnomalyKinds.Swerve), out var a) && a.IsAnomaly);
        var alarms = tracks.Normals(200).Count(t => scorer.TryScore(t, out var a) && a.IsAnomaly);

        Assert.Equal(10, swerves);
        Assert.True(alarms <= 8, $"{alarms} false alarms of 200");
    }

    [Fact]
    public void PredictTrackAndCalibrate_FixedBatchModel_OneRunPerPosition_SameResults()
    {
        // A model exported with batch 1 cannot take a track at once; the predictor runs it per position instead.
        var weights = Enumerable.Range(0, 32).Select(i => (float)Math.Sin(i) * 0.2f).ToArray();
        using var batched = OnnxTrajectoryPredictor.Load(Model(weights, residualVariance: 1));
        var single = Path.Combine(_folder, "single.onnx");
        TinyOnnxModel.Write(single, weights, batch: 1);
        TinyOnnxModel.WriteCard(Path.ChangeExtension(single, ".json"), 1, batch: 1);
        using var oneByOne = OnnxTrajectoryPredictor.Load(single);
        var tracks = new SyntheticTracks(8).Normals(10);

        Assert.Equal(oneByOne.Calibrate(tracks), batched.Calibrate(tracks), 6);

        var a = (P: new PredictedPosition[100], V: new bool[100]);
        var b = (P: new PredictedPosition[100], V: new bool[100]);
        Assert.Equal(91, batched.PredictTrack(tracks[0], a.P, a.V));
        Assert.Equal(91, oneByOne.PredictTrack(tracks[0], b.P, b.V));
        Assert.Equal(b.V, a.V);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(b.P[i].X, a.P[i].X, 5);
            Assert.Equal(b.P[i].Y, a.P[i].Y, 5);
            Assert.Equal(b.P[i].VarianceX, a.P[i].VarianceX, 9);
        }
    }

    [Fact]
    public void Load_CardAgainstTheContract_IsRefusedWithTheReason()
    {
        var noVariance = Model(TinyOnnxModel.LastStep(), residualVariance: null);
        var ex = Assert.Throws<ModelLoadException>(() => OnnxTrajectoryPredictor.Load(noVariance));
        Assert.Contains("residualVariance", ex.Message, StringComparison.Ordinal);
        using (OnnxTrajectoryPredictor.Load(noVariance, residualVariance: 0.5))
        {
        }

        var wrongWidth = Path.Combine(_folder, "wide.onnx");
        TinyOnnxModel.Write(wrongWidth, TinyOnnxModel.LastStep());
        TinyOnnxModel.WriteCard(Path.ChangeExtension(wrongWidth, ".json"), 0.1, inputWidth: 18);
        Assert.Throws<ModelLoadException>(() => OnnxTrajectoryPredictor.Load(wrongWidth));
    }

    private string Model(float[] weights, double? residualVariance)
    {
        var path = Path.Combine(_folder, $"model-{Guid.NewGuid():N}.onnx");
        TinyOnnxModel.Write(path, weights);
        TinyOnnxModel.WriteCard(Path.ChangeExtension(path, ".json"), residualVariance);
        return path;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
