using System.Text.Json;
using Sensact.Pipelines.Activity;
using Sensact.Simulators.Training;

namespace Sensact.Simulators.Tests.Training;

public sealed class ActivityTrainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_RealDataSet_HeldOutAccuracyAtLeastNinetyPercentAndOnnxAgrees()
    {
        var result = ActivityTrainer.Train(new ActivityTrainingOptions(TestData.Folder, _folder, Seed: 1));

        Assert.True(result.Card.HeldOutAccuracy >= 0.9, $"held-out accuracy {result.Card.HeldOutAccuracy}");
        Assert.Equal(1.0, result.Agreement);
        Assert.True(result.MaxProbabilityDifference < 1e-4);
        Assert.Equal(["running", "stationary", "walking"], result.Card.Labels);
        Assert.Equal((69, 23), (result.Card.TrainRecordings, result.Card.TestRecordings));
        Assert.Equal(result.TestWindows, result.Confusion.Cast<int>().Sum());

        // What was written loads as the agent loads it, and carries the measured accuracy.
        using var classifier = OnnxActivityClassifier.Load(result.ModelPath);
        Assert.Equal(result.Card.HeldOutAccuracy, classifier.Card.HeldOutAccuracy);
        Assert.True(File.Exists(Path.Combine(_folder, "DATA-LICENSE")));
        using var references = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "reference-windows.json")));
        Assert.Equal(12, references.RootElement.GetArrayLength());
    }

    [Fact]
    public void Train_SameSeedTwice_ByteIdenticalModel()
    {
        var first = ActivityTrainer.Train(new ActivityTrainingOptions(TestData.Folder, Path.Combine(_folder, "a"), Seed: 3));
        var second = ActivityTrainer.Train(new ActivityTrainingOptions(TestData.Folder, Path.Combine(_folder, "b"), Seed: 3));

        Assert.Equal(File.ReadAllBytes(first.ModelPath), File.ReadAllBytes(second.ModelPath));
    }

    [Fact]
    public void Report_Result_PrintsAccuracyRecallAndConfusion()
    {
        var card = new ActivityModelCard(["a", "b"], 52, 26, 26, ActivityFeatures.Names.ToList(), 0.75, 6, 2, "test");
        var result = new ActivityTrainingResult(card, "m.onnx", 10, 4, new[,] { { 2, 0 }, { 1, 1 } }, 1, 0);
        using var output = new StringWriter();

        ActivityTrainer.Report(result, output);

        var text = output.ToString();
        Assert.Contains("Held-out window accuracy (ONNX Runtime)", text, StringComparison.Ordinal);
        Assert.Contains("75.00 %", text, StringComparison.Ordinal);
        Assert.Contains("recall b            50.00 %", text, StringComparison.Ordinal);
        Assert.Contains("Confusion (rows: true, columns: predicted)", text, StringComparison.Ordinal);
    }
}
