using Sensact.Pipelines.Models;
using static System.FormattableString;

namespace Sensact.Pipelines.Activity;

/// <summary>
/// What the activity pipeline reads from a model's <see cref="ModelCard"/>: the labels, and the
/// window the agent cuts. <see cref="From"/> also checks that the card describes an activity
/// classifier this code can feed.
/// </summary>
/// <param name="Labels">The activities, in the order of the model's scores.</param>
/// <param name="WindowSize">Readings per window.</param>
/// <param name="Hop">Readings between the starts of consecutive windows.</param>
/// <param name="SampleRateHz">The sample rate the model was trained at.</param>
public sealed record ActivityModelCard(IReadOnlyList<string> Labels, int WindowSize, int Hop, double SampleRateHz)
{
    /// <summary>The file name the shipped model's card has beside the model.</summary>
    public const string FileName = "activity-classifier.json";

    /// <summary>The input the features are written to: float [1, <see cref="ActivityFeatures.Count"/>] (or a symbolic batch).</summary>
    public const string FeaturesInput = "Features";

    /// <summary>The output the probabilities are read from: float [1, labels] (or a symbolic batch), in label order.</summary>
    public const string ScoreOutput = "Score.output";

    /// <summary>Reads the activity part of a card and checks that it fits the features this code computes.</summary>
    /// <param name="card">The card, already checked by <see cref="ModelCard.Load"/>.</param>
    /// <param name="cardPath">The card's file, for messages.</param>
    /// <returns>The activity part.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cardPath"/> is null or empty.</exception>
    /// <exception cref="ModelLoadException">
    /// The card has fewer than two labels, no window, hop or sample rate, names other features than
    /// <see cref="ActivityFeatures.Names"/>, or its input and output do not fit an activity classifier.
    /// </exception>
    public static ActivityModelCard From(ModelCard card, string cardPath)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrEmpty(cardPath);
        var problem = FirstProblem(card);
        return problem is null
            ? new ActivityModelCard(card.Labels, card.WindowSize!.Value, card.Hop!.Value, card.SampleRateHz!.Value)
            : throw new ModelLoadException($"Cannot load activity model card '{cardPath}': {problem}");
    }

    private static string? FirstProblem(ModelCard card)
    {
        if (card.Labels.Count < 2)
        {
            return $"an activity card must name at least two labels (got {card.Labels.Count}).";
        }

        if (card.WindowSize is not >= 2 || card.Hop is not >= 1 || card.SampleRateHz is not > 0)
        {
            return Invariant($"window size ({card.WindowSize}) must be at least 2, hop ({card.Hop}) at least 1 and the sample rate ({card.SampleRateHz}) positive.");
        }

        var features = card.Input(FeaturesInput);
        if (features is null || features.Constant || features.ElementType != "float" || !IsRow(features.Shape, ActivityFeatures.Count))
        {
            return Invariant($"an activity model reads input '{FeaturesInput}' float [1, {ActivityFeatures.Count}] (got {features?.ToString() ?? "none"}).");
        }

        if (features.ElementNames is null || !features.ElementNames.SequenceEqual(ActivityFeatures.Names, StringComparer.Ordinal))
        {
            var named = features.ElementNames is null ? "none" : string.Join(", ", features.ElementNames);
            return $"the model was trained on other features ({named}) than this code computes ({string.Join(", ", ActivityFeatures.Names)}); retrain it with 'train-activity'.";
        }

        var fed = card.Inputs.FirstOrDefault(i => !i.Constant && i.Name != FeaturesInput);
        if (fed is not null)
        {
            return $"the activity classifier feeds only '{FeaturesInput}'; input {fed} must be marked Constant.";
        }

        var score = card.Output(ScoreOutput);
        if (score is null || score.ElementType != "float" || !IsRow(score.Shape, card.Labels.Count))
        {
            return Invariant($"an activity model writes output '{ScoreOutput}' float [1, {card.Labels.Count}] for the labels ({string.Join(", ", card.Labels)}) (got {score?.ToString() ?? "none"}).");
        }

        return null;
    }

    // A row is [n] or [batch, n] where the batch is 1 or symbolic (-1).
    private static bool IsRow(IReadOnlyList<long> shape, int length) =>
        shape.Count switch
        {
            1 => shape[0] == length,
            2 => shape[0] is -1 or 1 && shape[1] == length,
            _ => false,
        };
}
