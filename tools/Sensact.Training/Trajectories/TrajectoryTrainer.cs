using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Sensact.Pipelines.Models;
using Sensact.Simulators.Trajectories;

namespace Sensact.Training.Trajectories;

/// <summary>
/// Trains the learned next-step predictor on the <c>trajectory-watch</c> scene's normal tracks: two
/// ML.NET SDCA linear regressions (dx and dy of the next step from the scaled history), written as one
/// ONNX model (input <c>history</c> float [-1, 16], output <c>next</c> float [-1, 2]) and measured
/// with ONNX Runtime on a held-out scene against the constant-velocity guess.
/// </summary>
internal static class TrajectoryTrainer
{
    /// <summary>The model's file name.</summary>
    public const string FileName = "trajectory-predictor.onnx";

    /// <summary>The input's name.</summary>
    public const string Input = "history";

    /// <summary>The output's name.</summary>
    public const string Output = "next";

    /// <summary>Generates the scenes, trains, writes the model and card, and measures them.</summary>
    public static TrajectoryTrainingResult Train(TrajectoryTrainingOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.TrainMinutes > 0 && options.TestMinutes > 0 && options.RateHz is >= 1 and <= 100))
        {
            throw new ArgumentException("Training needs positive minutes of scene and a rate of 1-100 Hz.", nameof(options));
        }

        log ??= TextWriter.Null;
        var train = Normal(options.Seed, options.TrainMinutes, options.RateHz);
        var test = Normal(options.Seed + 1000, options.TestMinutes, options.RateHz);
        // Every training row is turned by a seeded random angle (and mirrored half the time), so the
        // model learns motion, not this scene's lane directions; held-out rows are as measured.
        var trainRows = TrajectoryHistory.Rows(train, new Random(options.Seed));
        var testRows = TrajectoryHistory.Rows(test);
        log.WriteLine($"Scene seed {options.Seed}: {train.Count} normal tracks, {trainRows.Count} rows; held out (seed {options.Seed + 1000}): {test.Count} tracks, {testRows.Count} rows.");

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(trainRows, Schema());
        var weights = new float[TrajectoryHistory.Length, 2];
        var bias = new float[2];
        var regressions = new List<ITransformer>();
        foreach (var (column, index) in new[] { (nameof(TrajectoryRow.Dx), 0), (nameof(TrajectoryRow.Dy), 1) })
        {
            var model = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = column,
                FeatureColumnName = nameof(TrajectoryRow.History),
                NumberOfThreads = 1,
                L1Regularization = 0,
                L2Regularization = 1e-4f,
                MaximumNumberOfIterations = 100,
                ConvergenceTolerance = 1e-5f,
                Shuffle = true,
            }).Fit(data);
            for (var i = 0; i < TrajectoryHistory.Length; i++)
            {
                weights[i, index] = model.Model.Weights[i];
            }

            bias[index] = model.Model.Bias;
            regressions.Add(model);
        }

        Directory.CreateDirectory(options.OutputFolder);
        var modelPath = Path.Combine(options.OutputFolder, FileName);
        var cardPath = ModelCard.PathFor(modelPath);
        using (var stream = File.Create(modelPath))
        {
            LinearOnnxWriter.Write(stream, Input, Output, weights, bias, "ML.NET 5.0.1 SDCA");
        }

        Card(options, train.Count, trainRows.Count, test.Count, testRows.Count, metrics: null).Save(cardPath);

        // ML.NET's own predictions, to check that the written graph means the same.
        var testData = ml.Data.LoadFromEnumerable(testRows, Schema());
        var mlNet = regressions.Select(r => ml.Data.CreateEnumerable<Scored>(r.Transform(testData), reuseRowObject: false).Select(s => s.Score).ToArray()).ToArray();

        double sumX = 0, sumY = 0, sumXx = 0, sumYy = 0, cv = 0, maxDifference = 0;
        using (var onnx = OnnxModel.Load(modelPath, cardPath: cardPath))
        {
            var input = onnx.Input(Input);
            for (var r = 0; r < testRows.Count; r++)
            {
                var row = testRows[r];
                row.History.CopyTo(input);
                onnx.Run();
                var next = onnx.Output(Output);
                var (ex, ey) = ((double)next[0] - row.Dx, (double)next[1] - row.Dy);
                (sumX, sumY, sumXx, sumYy) = (sumX + ex, sumY + ey, sumXx + (ex * ex), sumYy + (ey * ey));
                var (cx, cy) = ((double)row.History[^2] - row.Dx, (double)row.History[^1] - row.Dy);
                cv += (cx * cx) + (cy * cy);
                maxDifference = Math.Max(maxDifference, Math.Max(Math.Abs(next[0] - mlNet[0][r]), Math.Abs(next[1] - mlNet[1][r])));
            }
        }

        var n = testRows.Count;
        var metrics = new Metrics(
            Round((sumXx / n) - ((sumX / n) * (sumX / n))),
            Round((sumYy / n) - ((sumY / n) * (sumY / n))),
            Round(Math.Sqrt((sumXx + sumYy) / (2.0 * n))),
            Round(Math.Sqrt(cv / (2.0 * n))));
        var card = Card(options, train.Count, trainRows.Count, test.Count, n, metrics);
        card.Save(cardPath);
        return new TrajectoryTrainingResult(card, modelPath, train.Count, trainRows.Count, test.Count, n, metrics.VarianceDx, metrics.VarianceDy, metrics.Rmse, metrics.ConstantVelocityRmse, maxDifference);
    }

    /// <summary>Writes the held-out figures.</summary>
    public static void Report(TrajectoryTrainingResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "Held-out next-step RMSE (units of s, ONNX Runtime): {0:F4} learned vs {1:F4} constant velocity ({2:P1} lower) on {3} rows of {4} tracks", result.Rmse, result.ConstantVelocityRmse, 1 - (result.Rmse / result.ConstantVelocityRmse), result.TestRows, result.TestTracks));
        output.WriteLine(string.Format(c, "Residual variance: dx {0:G4}, dy {1:G4}", result.ResidualVarianceDx, result.ResidualVarianceDy));
        output.WriteLine(string.Format(c, "ML.NET vs ONNX Runtime: largest difference {0:E2}", result.MaxDifferenceFromMlNet));
        output.WriteLine($"Wrote {result.ModelPath} and its card.");
    }

    private static List<SimulatedTrack> Normal(int seed, double minutes, double rateHz) =>
        TrajectoryScenes.Tracks(seed, TimeSpan.FromMinutes(minutes), rateHz).Where(t => !t.Truth.IsAnomalous).ToList();

    private static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(TrajectoryRow));
        schema[nameof(TrajectoryRow.History)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, TrajectoryHistory.Length);
        return schema;
    }

    private static ModelCard Card(TrajectoryTrainingOptions options, int trainTracks, int trainRows, int testTracks, int testRows, Metrics? metrics)
    {
        var c = CultureInfo.InvariantCulture;
        var provenance = new Dictionary<string, JsonElement>
        {
            ["Trainer"] = Json(string.Create(c, $"ML.NET 5.0.1 SdcaRegression per output (L2 1e-4, 100 iterations, one thread), seed {options.Seed}; each training row turned by a random angle and mirrored half the time; written as MatMul + Add")),
            ["Contract"] = Json("history: the last 8 displacements (dx, dy), oldest first, each divided by s = their mean length (at least 1e-6); next: the predicted next displacement divided by s"),
            ["DataSet"] = Json(string.Create(c, $"simulator scene trajectory-watch, seed {options.Seed}, {options.TrainMinutes} min at {options.RateHz} Hz, normal tracks only, rows turned at random")),
            ["HeldOut"] = Json(string.Create(c, $"scene seed {options.Seed + 1000}, {options.TestMinutes} min, normal tracks only")),
            ["TrainTracks"] = Json(trainTracks),
            ["TrainRows"] = Json(trainRows),
            ["TestTracks"] = Json(testTracks),
            ["TestRows"] = Json(testRows),
        };
        if (metrics is { } m)
        {
            provenance["ResidualVarianceDx"] = Json(m.VarianceDx);
            provenance["ResidualVarianceDy"] = Json(m.VarianceDy);
            provenance["HeldOutRmse"] = Json(m.Rmse);
            provenance["ConstantVelocityRmse"] = Json(m.ConstantVelocityRmse);
        }

        return new ModelCard(
            [],
            options.RateHz,
            TrajectoryHistory.Steps,
            1,
            [new TensorSpec(Input, "float", [-1, TrajectoryHistory.Length], ElementNames: TrajectoryHistory.Names)],
            [new TensorSpec(Output, "float", [-1, 2], ElementNames: ["dx", "dy"])],
            provenance);
    }

    private static double Round(double value) => Math.Round(value, 6);

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);

    private readonly record struct Metrics(double VarianceDx, double VarianceDy, double Rmse, double ConstantVelocityRmse);

    private sealed class Scored
    {
        public float Score { get; set; }
    }
}
