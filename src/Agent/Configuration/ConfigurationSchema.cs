using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Configuration;

/// <summary>
/// The configuration keys an application knows, registered fluently; <see cref="ConfigurationChecker"/>
/// refuses everything else. A key may have levels (<c>Imu:Replay</c>): its first levels then only
/// hold registered keys.
/// </summary>
internal sealed class ConfigurationSchema
{
    private readonly SchemaContainerNode _root = new();

    /// <summary>Gets the registered top-level keys, matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, SchemaNode> Sections => _root.Children;

    /// <summary>Registers a section bound to <paramref name="optionsType"/>: its properties are the known keys.</summary>
    public ConfigurationSchema Section(string key, Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        return Register(key, new OptionsSectionNode(optionsType));
    }

    /// <summary>
    /// Registers a section of user-named entries (<c>Sensors:{name}</c>), each bound to the options
    /// type that its <paramref name="selectorKey"/> picks from <paramref name="typesBySelector"/>.
    /// </summary>
    /// <param name="key">The section, e.g. <c>Sensors</c>.</param>
    /// <param name="selectorKey">The key in each entry that picks its type, e.g. <c>Driver</c>; a property of every type.</param>
    /// <param name="typesBySelector">The options type for each selector value (matched case-insensitively).</param>
    /// <param name="noun">What a selector value is called in messages; the selector key in lower case when null.</param>
    public ConfigurationSchema NamedSections(string key, string selectorKey, IReadOnlyDictionary<string, Type> typesBySelector, string? noun = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selectorKey);
        ArgumentNullException.ThrowIfNull(typesBySelector);
        if (typesBySelector.Count == 0)
        {
            throw new ArgumentException("At least one selector value must be registered.", nameof(typesBySelector));
        }

        var types = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var (selector, type) in typesBySelector)
        {
            if (type.GetProperty(selectorKey, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null)
            {
                throw new ArgumentException($"{type.Name} has no property '{selectorKey}' to select it by.", nameof(typesBySelector));
            }

            types.Add(selector, type);
        }

#pragma warning disable CA1308 // The noun is printed in a sentence ("unknown driver"), not compared.
        return Register(key, new NamedSectionsNode(selectorKey, noun ?? selectorKey.ToLowerInvariant(), types));
#pragma warning restore CA1308
    }

    /// <summary>Registers a section with its own rules: <paramref name="check"/> returns its problems, each naming the full key.</summary>
    public ConfigurationSchema Custom(string key, Func<IConfigurationSection, IEnumerable<string>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Register(key, new CustomSectionNode(check));
    }

    private ConfigurationSchema Register(string key, SchemaNode node)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var levels = key.Split(ConfigurationPath.KeyDelimiter);
        if (Array.Exists(levels, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"'{key}' has an empty level.", nameof(key));
        }

        var container = _root;
        foreach (var level in levels[..^1])
        {
            if (!container.Children.TryGetValue(level, out var child))
            {
                child = new SchemaContainerNode();
                container.Children.Add(level, child);
            }

            container = child as SchemaContainerNode
                ?? throw new ArgumentException($"'{key}' lies inside a section that is already registered.", nameof(key));
        }

        if (!container.Children.TryAdd(levels[^1], node))
        {
            throw new ArgumentException($"'{key}' is already registered.", nameof(key));
        }

        return this;
    }
}
