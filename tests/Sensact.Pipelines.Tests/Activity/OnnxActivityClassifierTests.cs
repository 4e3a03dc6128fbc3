using System.Numerics;
using System.Text.Json;
using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Tests.Models;

namespace Sensact.Pipelines.Tests.Activity;

public sealed class OnnxActivityClassifierTests : IDisposable
{
    private static readonly string ModelFolder = Path.Combine(AppContext.BaseDirectory, "models", "activity");
    private static readonly string ModelPath = Path.Combine(ModelFolder, OnnxActivityClassifier.FileName);
    private static readonly string CardPath = Path.Combine(ModelFolder, ActivityModelCard.FileName);

    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record ReferenceWindow(string Recording, int Start, string Label, string Predicted, float[][] Samples, float[] Probabilities);

    private static List<ReferenceWindow> References() =>
        JsonSerializer.Deserialize<List<ReferenceWindow>>(File.ReadAllText(Path.Combine(ModelFolder, "reference-windows.json")))!;

    [Fact]
    public void Load_ShippedModel_LabelsAndCardFromJson()
    {
        using var classifier = OnnxActivityClassifier.Load(ModelPath);

        Assert.Equal(["running", "stationary", "walking"], classifier.Labels);
        Assert.Equal(classifier.Labels, classifier.Card.Labels);
        Assert.Equal(52, classifier.Card.WindowSize);
    }

    [Fact]
    public void Classify_ReferenceWindows_SameProbabilitiesAndLabels()
    {
        using var classifier = OnnxActivityClassifier.Load(ModelPath, cardPath: CardPath);
        var references = References();
        var features = new float[ActivityFeatures.Count];

        Assert.Equal(12, references.Count);
        Assert.Equal(classifier.Labels, references.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal));
        foreach (var reference in references)
        {
            var window = reference.Samples.Select(s => ImuSample.FromMilliG(s[0], s[1], s[2])).ToArray();
            ActivityFeatures.Extract(window, features);

            var prediction = classifier.Classify(features);

            Assert.Equal(reference.Predicted, prediction.Label);
            Assert.Equal(reference.Probabilities.Length, prediction.Probabilities.Count);
            for (var i = 0; i < reference.Probabilities.Length; i++)
            {
                Assert.True(Math.Abs(reference.Probabilities[i] - prediction.Probabilities[i]) <= 1e-4,
                    $"{reference.Recording}@{reference.Start} {classifier.Labels[i]}: {prediction.Probabilities[i]} vs {reference.Probabilities[i]}");
            }

            Assert.Equal(prediction.Probabilities.Max(), prediction.Confidence);
        }

        // The shipped model gets most of its own reference windows right.
        Assert.True(references.Count(r => r.Label == r.Predicted) >= 10);
    }

    [Fact]
    public void Classify_RepeatedCalls_SameAnswer()
    {
        using var classifier = OnnxActivityClassifier.Load(ModelPath);
        var features = new float[ActivityFeatures.Count];
        ActivityFeatures.Extract(Enumerable.Range(0, 52).Select(i => ImuSample.FromMilliG(0, 0, 1000 + (i % 2))).ToArray(), features);

        var first = classifier.Classify(features);
        var second = classifier.Classify(features);

        Assert.Equal("stationary", first.Label);
        Assert.Equal(first.Probabilities, second.Probabilities);
        Assert.NotSame(first.Probabilities, second.Probabilities);
    }

    [Fact]
    public void Classify_WarmCall_AllocatesOnlyThePrediction()
    {
        using var classifier = OnnxActivityClassifier.Load(ModelPath);
        var features = new float[ActivityFeatures.Count];
        classifier.Classify(features);

        var before = GC.GetAllocatedBytesForCurrentThread();
        classifier.Classify(features);
        var after = GC.GetAllocatedBytesForCurrentThread();

        // The probabilities array and the prediction record; nothing per run inside ONNX Runtime's wrapper.
        Assert.InRange(after - before, 1, 128);
    }

    [Fact]
    public void Classify_WrongFeatureCount_ThrowsArgumentException()
    {
        using var classifier = OnnxActivityClassifier.Load(ModelPath);

        Assert.Throws<ArgumentException>("features", () => classifier.Classify(new float[3]));
    }

    [Fact]
    public void Classify_AfterDispose_ThrowsObjectDisposedException()
    {
        var classifier = OnnxActivityClassifier.Load(ModelPath);
        classifier.Dispose();
        classifier.Dispose();

        Assert.Throws<ObjectDisposedException>(() => classifier.Classify(new float[ActivityFeatures.Count]));
    }

    [Fact]
    public void Load_ShippedModel_SampleRateAndWholeCardFromJson()
    {
        using var classifier = OnnxActivityClassifier.Load(ModelPath);

        Assert.Equal(26.0, classifier.SampleRateHz);
        Assert.Equal(classifier.Labels, classifier.ModelCard.Labels);
        Assert.True(classifier.ModelCard.Provenance["HeldOutAccuracy"].GetDouble() >= 0.9);
    }

    [Fact]
    public void Load_MissingModel_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "x.onnx");

        var error = Assert.Throws<ModelLoadException>(() => OnnxActivityClassifier.Load(path));

        Assert.Equal($"Cannot load model '{path}': file not found.", error.Message);
    }

    [Fact]
    public void Load_CorruptModel_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "corrupt.onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        File.Copy(CardPath, Path.Combine(_folder, "corrupt.json"));

        var error = Assert.Throws<ModelLoadException>(() => OnnxActivityClassifier.Load(path));

        Assert.StartsWith($"Cannot load model '{path}': not a valid ONNX model (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingCard_ThrowsNamingCardPath()
    {
        var path = Path.Combine(_folder, "x.onnx");
        File.Copy(ModelPath, path);

        var error = Assert.Throws<ModelLoadException>(() => OnnxActivityClassifier.Load(path));

        Assert.Contains(Path.Combine(_folder, "x.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardWithOtherFeatures_RefusedNamingCard()
    {
        var card = ShippedModel.CardWith(_folder, ActivityModelCard.FeaturesInput, t => t with { ElementNames = [.. ActivityFeatures.Names.Reverse()] });

        var error = Assert.Throws<ModelLoadException>(() => OnnxActivityClassifier.Load(ModelPath, cardPath: card));

        Assert.StartsWith($"Cannot load activity model card '{card}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("other features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardWithOtherLabelCount_RefusedNamingScoreOutput()
    {
        var shipped = ShippedModel.Card();
        var card = ShippedModel.Save(_folder, shipped with
        {
            Labels = [.. shipped.Labels, "cycling"],
            Outputs = [shipped.Output(ActivityModelCard.ScoreOutput)! with { Shape = [-1, 4] }],
        });

        var error = Assert.Throws<ModelLoadException>(() => OnnxActivityClassifier.Load(ModelPath, cardPath: card));

        Assert.Contains(ModelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("Score.output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CudaOnCpuOnlyRuntime_ThrowsModelLoadException() =>
        Assert.Throws<ModelLoadException>(() => OnnxActivityClassifier.Load(ModelPath, new InferenceOptions { ExecutionProvider = "CUDA" }));
}
