using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Models;

namespace Sensact.Training.Activity;

/// <summary>
/// Trains the activity classifier with ML.NET on windows of the STM32 recordings, exports it to
/// ONNX, and measures the exported file with the same ONNX Runtime classifier the agent runs.
/// </summary>
internal static class ActivityTrainer
{
    private const string ReferenceFileName = "reference-windows.json";
    private const int ReferencesPerLabel = 4;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Reads the data set, trains, exports, evaluates and writes the model folder.</summary>
    public static ActivityTrainingResult Train(ActivityTrainingOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        log ??= TextWriter.Null;
        // In the recordings' own milli-g: the shipped model was trained on them, bit for bit.
        var recordings = ImuCsv.ReadDataSet(options.DataFolder, logger: null, stm32Scale: 1);
        var split = ActivityDataSplit.ByRecording(recordings, options.TestFraction, options.Seed);
        var train = Windows(split.Train, options);
        var test = Windows(split.Test, options);
        log.WriteLine($"{recordings.Count} recordings: {split.Train.Count} train ({train.Count} windows), {split.Test.Count} held out ({test.Count} windows).");

        // Features are computed once per window: ML.NET reads its rows several times (fit, export).
        var trainRows = Rows(train);
        var testRows = Rows(test);
        var ml = new MLContext(options.Seed);
        var trainData = ml.Data.LoadFromEnumerable(trainRows, RowSchema());
        var model = Pipeline(ml, options).Fit(trainData);
        var labels = ScoreLabels(model.GetOutputSchema(trainData.Schema));

        Directory.CreateDirectory(options.OutputFolder);
        var modelPath = Path.Combine(options.OutputFolder, OnnxActivityClassifier.FileName);
        var cardPath = ModelCard.PathFor(modelPath);
        using (var stream = File.Create(modelPath))
        {
            ml.Model.ConvertToOnnx(model, trainData, stream);
        }

        var run = new ActivityTrainingRun(
            Describe(options), DataSetName(options.DataFolder), options.TestFraction, options.Seed, split.Train.Count, split.Test.Count, train.Count, test.Count);
        ActivityCardFactory.Create(labels, options, run, heldOutAccuracy: null).Save(cardPath);

        // ML.NET's own scores, to check that the export kept the model's meaning.
        var mlScores = ml.Data.CreateEnumerable<ScoredRow>(model.Transform(ml.Data.LoadFromEnumerable(testRows, RowSchema())), reuseRowObject: false)
            .Select(r => r.Score).ToList();

        var confusion = new int[labels.Count, labels.Count];
        var agree = 0;
        var maxDifference = 0.0;
        var onnxProbabilities = new List<float[]>(test.Count);
        using (var classifier = OnnxActivityClassifier.Load(modelPath, cardPath: cardPath))
        {
            for (var i = 0; i < test.Count; i++)
            {
                var prediction = classifier.Classify(testRows[i].Features);
                onnxProbabilities.Add([.. prediction.Probabilities]);
                confusion[labels.IndexOf(test[i].Label), labels.IndexOf(prediction.Label)]++;
                if (ArgMax(mlScores[i]) == ArgMax(prediction.Probabilities))
                {
                    agree++;
                }

                for (var c = 0; c < labels.Count; c++)
                {
                    maxDifference = Math.Max(maxDifference, Math.Abs(mlScores[i][c] - prediction.Probabilities[c]));
                }
            }
        }

        var correct = Enumerable.Range(0, labels.Count).Sum(i => confusion[i, i]);
        var accuracy = Math.Round((double)correct / test.Count, 4);
        var card = ActivityCardFactory.Create(labels, options, run, accuracy);
        card.Save(cardPath);
        WriteReferences(Path.Combine(options.OutputFolder, ReferenceFileName), test, onnxProbabilities, labels);
        var license = Path.Combine(options.DataFolder, "LICENSE");
        if (File.Exists(license))
        {
            File.Copy(license, Path.Combine(options.OutputFolder, "DATA-LICENSE"), overwrite: true);
        }

        return new ActivityTrainingResult(card, modelPath, run, accuracy, confusion, (double)agree / test.Count, maxDifference);
    }

    /// <summary>Writes accuracy, recall per label and the confusion matrix.</summary>
    public static void Report(ActivityTrainingResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var labels = result.Card.Labels;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "Held-out window accuracy (ONNX Runtime): {0:P2} on {1} windows from {2} recordings", result.HeldOutAccuracy, result.Run.TestWindows, result.Run.TestRecordings));
        output.WriteLine(string.Format(c, "ML.NET vs ONNX Runtime: {0:P2} same label, largest probability difference {1:E2}", result.Agreement, result.MaxProbabilityDifference));
        for (var i = 0; i < labels.Count; i++)
        {
            output.WriteLine(string.Format(c, "  recall {0,-12} {1:P2}", labels[i], result.Recall[i]));
        }

        output.WriteLine("Confusion (rows: true, columns: predicted):");
        output.WriteLine(string.Format(c, "  {0,-12}", string.Empty) + string.Concat(labels.Select(l => string.Format(c, "{0,12}", l))));
        for (var row = 0; row < labels.Count; row++)
        {
            output.WriteLine(string.Format(c, "  {0,-12}", labels[row]) + string.Concat(Enumerable.Range(0, labels.Count).Select(col => string.Format(c, "{0,12}", result.Confusion[row, col]))));
        }

        output.WriteLine($"Wrote {result.ModelPath} and its card.");
    }

    // The folder's name, not its path: the card is committed and must not carry a machine's paths.
    private static string DataSetName(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    private static List<ActivityWindow> Windows(IEnumerable<ImuRecording> recordings, ActivityTrainingOptions options) =>
        recordings.SelectMany(r => ActivityWindow.Cut(r, options.WindowSize, options.Hop)).ToList();

    private static List<FeatureRow> Rows(IEnumerable<ActivityWindow> windows) =>
        windows.Select(w =>
        {
            var features = new float[ActivityFeatures.Count];
            ActivityFeatures.ExtractInUnits(w.Samples, features, unitsPerG: 1000);
            return new FeatureRow { Label = w.Label, Features = features };
        }).ToList();

    private static SchemaDefinition RowSchema()
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ActivityFeatures.Count);
        return schema;
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, ActivityTrainingOptions options)
    {
        // Keys by value: the score order is the labels' ordinal order, whatever order the data came in.
        var keys = ml.Transforms.Conversion.MapValueToKey(nameof(FeatureRow.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
        return options.Trainer switch
        {
            ActivityTrainerKind.Sdca => keys
                .Append(ml.Transforms.NormalizeMeanVariance(nameof(FeatureRow.Features)))
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    NumberOfThreads = 1,
                    MaximumNumberOfIterations = 200,
                })),
            _ => keys.Append(ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    NumberOfThreads = 1,
                    NumberOfTrees = 100,
                    NumberOfLeaves = 8,
                    MinimumExampleCountPerLeaf = 10,
                    Seed = options.Seed,
                }))),
        };
    }

    private static List<string> ScoreLabels(DataViewSchema schema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }

    private static string Describe(ActivityTrainingOptions options) => options.Trainer switch
    {
        ActivityTrainerKind.Sdca => $"ML.NET 5.0.1 SdcaMaximumEntropy on mean-variance normalised features, seed {options.Seed}",
        _ => $"ML.NET 5.0.1 OneVersusAll(FastTree: 100 trees, 8 leaves, min 10 per leaf), seed {options.Seed}",
    };

    private static void WriteReferences(string path, List<ActivityWindow> test, List<float[]> probabilities, List<string> labels)
    {
        var references = new List<ReferenceWindow>();
        foreach (var label in labels)
        {
            var indices = Enumerable.Range(0, test.Count).Where(i => test[i].Label == label).ToList();
            var step = Math.Max(1, indices.Count / ReferencesPerLabel);
            foreach (var i in indices.Where((_, k) => k % step == 0).Take(ReferencesPerLabel))
            {
                references.Add(new ReferenceWindow(
                    test[i].Recording,
                    test[i].Start,
                    test[i].Label,
                    labels[ArgMax(probabilities[i])],
                    test[i].Samples.Select(s => new[] { s.Acceleration.X, s.Acceleration.Y, s.Acceleration.Z }).ToArray(),
                    probabilities[i]));
            }
        }

        File.WriteAllText(path, JsonSerializer.Serialize(references, JsonOptions) + "\n");
    }

    private static int ArgMax(IReadOnlyList<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private sealed class FeatureRow
    {
        public string Label { get; set; } = string.Empty;

        public float[] Features { get; set; } = [];
    }

    private sealed class ScoredRow
    {
        public float[] Score { get; set; } = [];
    }
}
