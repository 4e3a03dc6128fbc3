using System.Globalization;
using System.Text.Json;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Models;

namespace Sensact.Training.Activity;

/// <summary>Writes the card of an activity model exported from ML.NET, in the shape <see cref="OnnxActivityClassifier"/> loads.</summary>
internal static class ActivityCardFactory
{
    /// <summary>
    /// Describes the model ML.NET's export writes: input <c>Features</c> float [-1, n] named by
    /// <see cref="ActivityFeatures.Names"/>, input <c>Label</c> string [-1, 1] that the export keeps
    /// as required (constant), and output <c>Score.output</c> float [-1, labels].
    /// </summary>
    /// <param name="labels">The labels in score order.</param>
    /// <param name="options">The window, hop and sample rate trained with.</param>
    /// <param name="run">The training run's facts.</param>
    /// <param name="heldOutAccuracy">The held-out window accuracy measured by ONNX Runtime; null before it is measured.</param>
    public static ModelCard Create(IReadOnlyList<string> labels, ActivityTrainingOptions options, ActivityTrainingRun run, double? heldOutAccuracy)
    {
        var provenance = new Dictionary<string, JsonElement> { ["Trainer"] = Json(run.Trainer) };
        if (heldOutAccuracy is { } accuracy)
        {
            provenance["HeldOutAccuracy"] = Json(accuracy);
        }

        provenance["Exporter"] = Json("Microsoft.ML.OnnxConverter 0.23.1");
        provenance["DataSet"] = Json(run.DataSet);
        provenance["Split"] = Json(string.Create(CultureInfo.InvariantCulture, $"by recording, {run.TestFraction:P0} of each label's recordings held out, seed {run.Seed}"));
        provenance["TrainRecordings"] = Json(run.TrainRecordings);
        provenance["TestRecordings"] = Json(run.TestRecordings);
        provenance["TrainWindows"] = Json(run.TrainWindows);
        provenance["TestWindows"] = Json(run.TestWindows);

        return new ModelCard(
            labels,
            options.SampleRateHz,
            options.WindowSize,
            options.Hop,
            [
                new TensorSpec(ActivityModelCard.FeaturesInput, "float", [-1, ActivityFeatures.Count], ElementNames: [.. ActivityFeatures.Names]),
                new TensorSpec("Label", "string", [-1, 1], Constant: true),
            ],
            [new TensorSpec(ActivityModelCard.ScoreOutput, "float", [-1, labels.Count])],
            provenance);
    }

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);
}
