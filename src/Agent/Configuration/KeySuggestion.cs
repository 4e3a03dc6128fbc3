using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Configuration;

/// <summary>Finds the known name closest to a mistyped one ("Prot" for "Port"), for "did you mean" hints.</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// Returns the candidate nearest to <paramref name="name"/> (case-insensitive edit distance, a
    /// swap of two neighbours counting as one edit), or null when none is within a third of its length.
    /// </summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = Math.Max(1, name.Length / 3);
        string? nearest = null;
        var nearestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= limit && distance < nearestDistance)
            {
                (nearest, nearestDistance) = (candidate, distance);
            }
        }

        return nearest;
    }

    /// <summary>Returns <c>"; did you mean X?"</c> for the nearest candidate, or an empty string.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Nearest(name, candidates) is { } nearest ? $"; did you mean {nearest}?" : string.Empty;

    /// <summary>
    /// Returns <c>"; did you mean Parent:Key?"</c> for the known key nearest to the section's own key
    /// (compared alone, so long parent paths do not make every key look close), or an empty string.
    /// </summary>
    public static string DidYouMean(IConfigurationSection section, IEnumerable<string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Nearest(section.Key, knownKeys) is { } nearest
            ? $"; did you mean {section.Path[..^section.Key.Length]}{nearest}?"
            : string.Empty;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
