namespace Sensact.Pipelines.Aggregation;

/// <summary>
/// "All present": every listed modality must show presence in the window (a person is speaking
/// AND a face is in view). A modality's presence is the mean of its window's top-k scores; the
/// window's probability of the present label is the product over the modalities.
/// </summary>
/// <remarks>
/// Honest about what has not been seen: with a fraction <c>u</c> of a modality's units still to
/// come and observed presence <c>m</c>, its presence probability is <c>m + (1 - m) * u * prior</c>,
/// so a window with no evidence yet sits at the prior and only a window seen to its end (or a
/// present unit) can be certain. Unlisted modalities add nothing. Features per modality for a skip
/// gate: presence probability, its confidence <c>|2p - 1|</c>, and the fraction of units accounted for.
/// </remarks>
public sealed class PresenceRule : IEvidenceRule
{
    private readonly PresenceRuleOptions _options;

    /// <summary>Initializes a new instance of the <see cref="PresenceRule"/> class.</summary>
    /// <param name="options">The rule's settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not valid.</exception>
    public PresenceRule(PresenceRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Presence rule: " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        Labels = [options.PresentLabel, options.AbsentLabel];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public int FeatureCount => 3;

    /// <inheritdoc />
    public IWindowEvidence CreateEvidence(IReadOnlyList<ModalityDescriptor> modalities)
    {
        ArgumentNullException.ThrowIfNull(modalities);
        var scoreIndex = new int[modalities.Count];
        var topK = new int[modalities.Count];
        var prior = new float[modalities.Count];
        var recall = new float[modalities.Count];
        foreach (var name in _options.Modalities.Keys)
        {
            if (!modalities.Any(m => m.Name == name))
            {
                throw new ArgumentException(
                    $"Presence rule: Modalities:{name} names no modality of the pipeline (it has {string.Join(", ", modalities.Select(m => m.Name))}).",
                    nameof(modalities));
            }
        }

        for (var i = 0; i < modalities.Count; i++)
        {
            scoreIndex[i] = -1;
            if (_options.Modalities.TryGetValue(modalities[i].Name, out var settings))
            {
                scoreIndex[i] = modalities[i].Scores.ToList().IndexOf(settings.Score);
                if (scoreIndex[i] < 0)
                {
                    throw new ArgumentException(
                        $"Presence rule: Modalities:{modalities[i].Name}:Score is '{settings.Score}'; the encoder writes {string.Join(", ", modalities[i].Scores)}.",
                        nameof(modalities));
                }

                topK[i] = settings.TopK;
                prior[i] = settings.Prior;
                recall[i] = settings.Recall;
            }
        }

        return new PresenceEvidence(scoreIndex, topK, prior, recall);
    }
}
