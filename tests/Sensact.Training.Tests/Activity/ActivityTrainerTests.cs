using System.Text.Json;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Models;
using Sensact.Training.Activity;

namespace Sensact.Training.Tests.Activity;

public sealed class ActivityTrainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_RealDataSet_HeldOutAccuracyAtLeastNinetyPercentAndOnnxAgrees()
    {
        var result = ActivityTrainer.Train(new ActivityTrainingOptions(TestData.Folder, _folder, Seed: 1));

        Assert.True(result.HeldOutAccuracy >= 0.9, $"held-out accuracy {result.HeldOutAccuracy}");
        Assert.Equal(1.0, result.Agreement);
        Assert.True(result.MaxProbabilityDifference < 1e-4);
        Assert.Equal(["running", "stationary", "walking"], result.Card.Labels);
        Assert.Equal((69, 23), (result.Run.TrainRecordings, result.Run.TestRecordings));
        Assert.Equal(result.Run.TestWindows, result.Confusion.Cast<int>().Sum());

        // What was written loads as the agent loads it, and carries the measured accuracy.
        using var classifier = OnnxActivityClassifier.Load(result.ModelPath);
        Assert.Equal(result.HeldOutAccuracy, classifier.ModelCard.Provenance["HeldOutAccuracy"].GetDouble());
        Assert.Equal(26.0, classifier.SampleRateHz);
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
    public void Train_RealDataSet_CardDescribesTheExportAndTheRun()
    {
        var result = ActivityTrainer.Train(new ActivityTrainingOptions(TestData.Folder, _folder, Seed: 1, Trainer: ActivityTrainerKind.Sdca));

        var card = ModelCard.Load(Path.Combine(_folder, ActivityModelCard.FileName));
        Assert.Equal(["running", "stationary", "walking"], card.Labels);
        Assert.Equal((26.0, 52, 26), (card.SampleRateHz, card.WindowSize, card.Hop));
        Assert.Equal(["'Features' float [-1, 18]", "'Label' string [-1, 1]"], card.Inputs.Select(i => i.ToString()));
        Assert.Equal(ActivityFeatures.Names, card.Input("Features")!.ElementNames);
        Assert.True(card.Input("Label")!.Constant);
        Assert.Equal("'Score.output' float [-1, 3]", Assert.Single(card.Outputs).ToString());
        Assert.Equal(result.HeldOutAccuracy, card.Provenance["HeldOutAccuracy"].GetDouble());
        Assert.Equal("stm32-har", card.Provenance["DataSet"].GetString());
        Assert.Equal("by recording, 25 % of each label's recordings held out, seed 1", card.Provenance["Split"].GetString());
        Assert.StartsWith("ML.NET 5.0.1 SdcaMaximumEntropy", card.Provenance["Trainer"].GetString(), StringComparison.Ordinal);
        Assert.Equal(result.Run.TestWindows, card.Provenance["TestWindows"].GetInt32());
    }

    [Fact]
    public void Report_Result_PrintsAccuracyRecallAndConfusion()
    {
        var run = new ActivityTrainingRun("test", "data", 0.25, 1, 6, 2, 10, 4);
        var card = new ModelCard(["a", "b"], 26, 52, 26, [], [], new Dictionary<string, JsonElement>());
        var result = new ActivityTrainingResult(card, "m.onnx", run, 0.75, new[,] { { 2, 0 }, { 1, 1 } }, 1, 0);
        using var output = new StringWriter();

        ActivityTrainer.Report(result, output);

        var text = output.ToString();
        Assert.Contains("Held-out window accuracy (ONNX Runtime): 75.00 % on 4 windows from 2 recordings", text, StringComparison.Ordinal);
        Assert.Contains("recall b            50.00 %", text, StringComparison.Ordinal);
        Assert.Contains("Confusion (rows: true, columns: predicted)", text, StringComparison.Ordinal);
    }
}
