using Sensact.Pipelines.Models;
using Sensact.Simulators.Trajectories;
using Sensact.Training.Trajectories;

namespace Sensact.Training.Tests.Trajectories;

public sealed class TrajectoryTrainerTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "models", "trajectory");
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-trajectory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_DefaultOptions_ReproducesTheShippedModelByteForByte_AndBeatsConstantVelocity()
    {
        var result = TrajectoryTrainer.Train(new TrajectoryTrainingOptions(OutputFolder: _folder));

        Assert.Equal(File.ReadAllBytes(Path.Combine(Shipped, TrajectoryTrainer.FileName)), File.ReadAllBytes(result.ModelPath));
        Assert.Equal(File.ReadAllText(Path.Combine(Shipped, "trajectory-predictor.json")), File.ReadAllText(ModelCard.PathFor(result.ModelPath)));
        Assert.True(result.Rmse < 0.8 * result.ConstantVelocityRmse, $"RMSE {result.Rmse} vs constant velocity {result.ConstantVelocityRmse}");
        Assert.True(result.MaxDifferenceFromMlNet < 1e-4, $"ONNX Runtime differs from ML.NET by {result.MaxDifferenceFromMlNet}");
        Assert.InRange(result.ResidualVarianceDx, 1e-4, 1);
        Assert.InRange(result.ResidualVarianceDy, 1e-4, 1);
        Assert.True(result.TrainRows > 50_000 && result.TestRows > 20_000);
    }

    [Fact]
    public void ShippedModel_LoadsWithItsCard_AndPredictsAStraightPathAhead()
    {
        using var model = OnnxModel.Load(Path.Combine(Shipped, TrajectoryTrainer.FileName));

        Assert.Equal("'history' float [-1, 16]", Assert.Single(model.Card.Inputs).ToString());
        Assert.Equal("'next' float [-1, 2]", Assert.Single(model.Card.Outputs).ToString());
        foreach (var key in new[] { "ResidualVarianceDx", "ResidualVarianceDy", "HeldOutRmse", "ConstantVelocityRmse" })
        {
            Assert.True(model.Card.Provenance[key].GetDouble() > 0, key);
        }

        // Steady motion along any direction, in scaled units: the next step is the same step.
        foreach (var (ux, uy) in new[] { (1.0, 0.0), (0.0, -1.0), (-0.6, 0.8) })
        {
            var history = model.Input(TrajectoryTrainer.Input);
            for (var i = 0; i < TrajectoryHistory.Steps; i++)
            {
                (history[2 * i], history[(2 * i) + 1]) = ((float)ux, (float)uy);
            }

            model.Run();
            var next = model.Output(TrajectoryTrainer.Output);
            Assert.InRange(next[0], ux - 0.1, ux + 0.1);
            Assert.InRange(next[1], uy - 0.1, uy + 0.1);
        }
    }

    [Fact]
    public void History_IsTheLastEightStepsOverTheirMeanLength_OldestFirst()
    {
        // Points 0..10 with steps (3, 4) then (6, 8): the history ending at point 9 holds steps 1..8.
        var points = new List<TrackPoint> { new(0, 0, 0, false) };
        for (var i = 1; i <= 10; i++)
        {
            var (dx, dy) = i <= 5 ? (3.0, 4.0) : (6.0, 8.0);
            points.Add(new TrackPoint(i * 0.1, points[^1].X + dx, points[^1].Y + dy, false));
        }

        var history = new float[TrajectoryHistory.Length];
        var scale = TrajectoryHistory.Fill(points, 9, history);

        // Steps 1..8 are four of length 5 and four of length 10: s = 7.5.
        Assert.Equal(7.5, scale, 9);
        Assert.Equal([0.4f, 0.53333336f], history[..2]);
        Assert.Equal([0.8f, 1.0666667f], history[^2..]);
        var rows = TrajectoryHistory.Rows([new SimulatedTrack(new TrajectoryTruth(0, 0, TrajectoryAnomalyKind.None, DateTimeOffset.UnixEpoch, null, null), points)]);
        Assert.Equal(2, rows.Count);
        Assert.Equal((0.8f, 1.0666667f), (rows[1].Dx, rows[1].Dy));

        // A track standing still: s is 1e-6, the history zeros.
        var still = Enumerable.Range(0, 9).Select(i => new TrackPoint(i, 2, 2, false)).ToList();
        Assert.Equal(1e-6, TrajectoryHistory.Fill(still, 8, history));
        Assert.All(history, v => Assert.Equal(0f, v));
    }
}
