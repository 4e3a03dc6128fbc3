using System.Text.Json;

namespace Sensact.Pipelines.Activity;

/// <summary>
/// What an activity model needs and what it was measured to do; it is stored beside the model as
/// <c>activity-classifier.json</c>, and the agent cuts its windows from it.
/// </summary>
/// <param name="Labels">The activities, in the order of the model's scores.</param>
/// <param name="WindowSize">Readings per window.</param>
/// <param name="Hop">Readings between the starts of consecutive windows.</param>
/// <param name="SampleRateHz">The sample rate the model was trained at.</param>
/// <param name="FeatureNames">The features the model reads, in order; they must equal <see cref="ActivityFeatures.Names"/>.</param>
/// <param name="HeldOutAccuracy">Window accuracy on the held-out recordings, measured with ONNX Runtime, in [0, 1].</param>
/// <param name="TrainRecordings">How many recordings the model was trained on.</param>
/// <param name="TestRecordings">How many recordings were held out for <paramref name="HeldOutAccuracy"/>.</param>
/// <param name="Trainer">How the model was trained.</param>
public sealed record ActivityModelCard(
    IReadOnlyList<string> Labels,
    int WindowSize,
    int Hop,
    double SampleRateHz,
    IReadOnlyList<string> FeatureNames,
    double HeldOutAccuracy,
    int TrainRecordings,
    int TestRecordings,
    string Trainer)
{
    /// <summary>The file name a card has beside its model.</summary>
    public const string FileName = "activity-classifier.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Reads a card and checks that it fits the features this code computes.</summary>
    /// <param name="path">The card's JSON file.</param>
    /// <returns>The card.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ModelLoadException">
    /// The file is missing or unreadable, is not a card, or names features other than <see cref="ActivityFeatures.Names"/>.
    /// </exception>
    public static ActivityModelCard Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw Fail(path, "file not found.");
        }

        ActivityModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ActivityModelCard>(File.ReadAllText(path), JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Fail(path, $"not a valid model card ({ex.Message}).", ex);
        }

        if (card is null)
        {
            throw Fail(path, "not a valid model card (the file holds null).");
        }

        var problem = card.Validate();
        return problem is null ? card : throw Fail(path, problem);
    }

    /// <summary>Writes the card as indented JSON, replacing the file.</summary>
    /// <param name="path">The card's JSON file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
    }

    private string? Validate()
    {
        if (Labels is null || Labels.Count < 2 || Labels.Any(string.IsNullOrEmpty))
        {
            return "the card must name at least two non-empty labels.";
        }

        if (Labels.Distinct(StringComparer.Ordinal).Count() != Labels.Count)
        {
            return $"the card names a label twice ({string.Join(", ", Labels)}).";
        }

        if (WindowSize < 2 || Hop < 1 || !(SampleRateHz > 0))
        {
            return $"window size ({WindowSize}) must be at least 2, hop ({Hop}) at least 1 and the sample rate ({SampleRateHz}) positive.";
        }

        if (FeatureNames is null || !FeatureNames.SequenceEqual(ActivityFeatures.Names, StringComparer.Ordinal))
        {
            var named = FeatureNames is null ? "none" : string.Join(", ", FeatureNames);
            return $"the model was trained on other features ({named}) than this code computes ({string.Join(", ", ActivityFeatures.Names)}); retrain it with 'train-activity'.";
        }

        return null;
    }

    private static ModelLoadException Fail(string path, string reason, Exception? inner = null) =>
        new($"Cannot load activity model card '{path}': {reason}", inner);
}
