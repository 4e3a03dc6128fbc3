using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Configuration;

/// <summary>
/// One entry of a named section (<c>Sensors:{name}</c>, <c>Apps:{name}</c>) whose selector key
/// (<c>Driver</c>, <c>Kind</c>) picks what it is: the one lookup the configuration checker, the
/// sensors and the applications share, with the same messages.
/// </summary>
internal static class NamedEntry
{
    /// <summary>Finds the registry entry the selector names, or adds why it cannot.</summary>
    /// <typeparam name="T">What the registry holds (a driver, a kind, an options type).</typeparam>
    /// <param name="entry">The entry's section.</param>
    /// <param name="selectorKey">The key that selects (<c>Driver</c>).</param>
    /// <param name="registry">The known values, by name (case-insensitive).</param>
    /// <param name="noun">The word for a value in messages (<c>driver</c>).</param>
    /// <param name="problems">Where a missing or unknown selector is reported with its full key.</param>
    /// <param name="found">The entry the selector names.</param>
    /// <returns><c>true</c> when the selector names a known value.</returns>
    public static bool TrySelect<T>(IConfigurationSection entry, string selectorKey, IReadOnlyDictionary<string, T> registry, string noun, ICollection<string> problems, out T found)
    {
        var selectorPath = ConfigurationPath.Combine(entry.Path, selectorKey);
        var known = string.Join(", ", registry.Keys.Order(StringComparer.Ordinal));
        var selector = entry.GetSection(selectorKey).Value;
        if (string.IsNullOrEmpty(selector))
        {
            problems.Add($"{selectorPath}: required (one of: {known})");
        }
        else if (!registry.TryGetValue(selector, out found!))
        {
            problems.Add($"{selectorPath}: unknown {noun} '{selector}'; known: {known}");
        }
        else
        {
            return true;
        }

        found = default!;
        return false;
    }
}
