namespace Sensact.Pipelines.Aggregation;

/// <summary>One window's state for <see cref="PresenceRule"/>: each modality's highest scores so far.</summary>
internal sealed class PresenceEvidence : IWindowEvidence
{
    private readonly int[] _scoreIndex;
    private readonly int[] _topK;
    private readonly float[] _prior;
    private readonly float[] _recall;
    private readonly float[][] _top;
    private readonly int[] _count;

    public PresenceEvidence(int[] scoreIndex, int[] topK, float[] prior, float[] recall)
    {
        _scoreIndex = scoreIndex;
        _topK = topK;
        _prior = prior;
        _recall = recall;
        _top = [.. topK.Select(k => new float[Math.Max(k, 1)])];
        _count = new int[scoreIndex.Length];
    }

    public void Reset() => Array.Clear(_count);

    public void Add(int modality, ReadOnlySpan<float> scores)
    {
        var index = _scoreIndex[modality];
        if (index < 0)
        {
            return;
        }

        // Insert into the descending top-k list.
        var top = _top[modality];
        var score = Math.Clamp(scores[index], 0f, 1f);
        var count = _count[modality];
        var slot = count < top.Length ? count : top.Length - 1;
        if (count >= top.Length && score <= top[slot])
        {
            return;
        }

        while (slot > 0 && top[slot - 1] < score)
        {
            top[slot] = top[slot - 1];
            slot--;
        }

        top[slot] = score;
        _count[modality] = Math.Min(count + 1, top.Length);
    }

    public float Predict(ReadOnlySpan<ModalityProgress> progress, Span<float> probabilities)
    {
        var present = 1f;
        for (var m = 0; m < _scoreIndex.Length; m++)
        {
            if (_scoreIndex[m] >= 0)
            {
                present *= Presence(m, progress[m]);
            }
        }

        probabilities[0] = present;
        probabilities[1] = 1f - present;
        return Math.Max(present, 1f - present);
    }

    /// <inheritdoc />
    /// <remarks>
    /// All present: an open modality showing absence makes the window absent, showing presence leaves
    /// it to the others. So the decision is settled only as absent, with the others' confidence in it.
    /// </remarks>
    public float SettledConfidence(ReadOnlySpan<ModalityProgress> progress, ReadOnlySpan<bool> open)
    {
        var others = 1f;
        for (var m = 0; m < _scoreIndex.Length; m++)
        {
            if (_scoreIndex[m] >= 0 && !open[m])
            {
                others *= Presence(m, progress[m]);
            }
        }

        return others < 0.5f ? 1f - others : 0f;
    }

    /// <inheritdoc />
    public void WriteFeatures(int modality, ModalityProgress progress, Span<float> features)
    {
        var p = _scoreIndex[modality] >= 0 ? Presence(modality, progress) : 1f;
        features[0] = p;
        features[1] = Math.Abs((2 * p) - 1);
        features[2] = 1f - progress.UnseenFraction;
    }

    private float Presence(int modality, ModalityProgress progress)
    {
        var count = _count[modality];
        var observed = 0f;
        if (count > 0)
        {
            var top = _top[modality];
            for (var i = 0; i < count; i++)
            {
                observed += top[i];
            }

            observed /= count;
        }

        return observed + ((1f - observed) * Unshown(modality, progress));
    }

    // The probability that the presence is there though no unit seen so far showed it.
    private float Unshown(int modality, ModalityProgress progress)
    {
        var prior = _prior[modality];
        var recall = _recall[modality];
        if (recall <= 0f)
        {
            // Independent units: only those not seen yet can still show it.
            return progress.UnseenFraction * prior;
        }

        // One state for the whole window, each unit a look at it that misses with 1 - recall.
        var missed = prior * MathF.Pow(1f - recall, progress.UnitsEvidence);
        return missed <= 0f ? 0f : missed / (missed + (1f - prior));
    }
}
