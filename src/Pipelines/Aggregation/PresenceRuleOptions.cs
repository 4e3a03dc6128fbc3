using static System.FormattableString;

namespace Sensact.Pipelines.Aggregation;

/// <summary>The built-in "all present" evidence rule's settings (<c>Apps:{name}:Pipeline:Rule</c>).</summary>
public sealed class PresenceRuleOptions
{
    /// <summary>Gets or sets the label when every modality shows presence; by default <c>speaking-in-view</c>.</summary>
    public string PresentLabel { get; set; } = "speaking-in-view";

    /// <summary>Gets or sets the label otherwise; by default <c>not-speaking-in-view</c>.</summary>
    public string AbsentLabel { get; set; } = "not-speaking-in-view";

    /// <summary>Gets the modalities that must all show presence, by modality name.</summary>
    public Dictionary<string, PresenceModalityOptions> Modalities { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks the values, naming each bad one by its configuration key.</summary>
    /// <returns>One message per bad value; empty when valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(PresentLabel) || string.IsNullOrWhiteSpace(AbsentLabel) || PresentLabel == AbsentLabel)
        {
            errors.Add(Invariant($"PresentLabel and AbsentLabel must be two different non-empty labels (got '{PresentLabel}' and '{AbsentLabel}')."));
        }

        if (Modalities.Count == 0)
        {
            errors.Add("Modalities must name at least one modality.");
        }

        foreach (var (name, modality) in Modalities)
        {
            if (string.IsNullOrWhiteSpace(modality.Score))
            {
                errors.Add(Invariant($"Modalities:{name}:Score must name one of the encoder's scores."));
            }

            if (modality.TopK is < 1 or > 64)
            {
                errors.Add(Invariant($"Modalities:{name}:TopK must be between 1 and 64 (got {modality.TopK})."));
            }

            if (!(modality.Prior is >= 0f and <= 1f))
            {
                errors.Add(Invariant($"Modalities:{name}:Prior must be in [0, 1] (got {modality.Prior})."));
            }

            if (!(modality.Recall is >= 0f and < 1f))
            {
                errors.Add(Invariant($"Modalities:{name}:Recall must be in [0, 1) (got {modality.Recall})."));
            }
        }

        return errors;
    }
}
