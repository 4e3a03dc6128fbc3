using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Configuration;

/// <summary>
/// Checks every key present in a configuration against a <see cref="ConfigurationSchema"/>, so a
/// mistyped key or a value of the wrong type stops the agent at start instead of being ignored or
/// failing later.
/// </summary>
internal static class ConfigurationChecker
{
    /// <summary>
    /// Returns one message per problem, each starting with the full key: unknown sections and keys
    /// (with the nearest known one, if any is close), values the binder could not convert, named
    /// entries without a known selector.
    /// </summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration, ConfigurationSchema schema)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        CheckSections(configuration.GetChildren(), schema.Sections, problems);
        return problems;
    }

    private static void CheckSections(IEnumerable<IConfigurationSection> sections, IReadOnlyDictionary<string, SchemaNode> known, List<string> problems)
    {
        foreach (var section in sections)
        {
            if (known.TryGetValue(section.Key, out var node))
            {
                CheckSection(section, node, problems);
            }
            else
            {
                problems.Add($"{section.Path}: unknown section{KeySuggestion.DidYouMean(section, known.Keys)}");
            }
        }
    }

    private static void CheckSection(IConfigurationSection section, SchemaNode node, List<string> problems)
    {
        switch (node)
        {
            case SchemaContainerNode container:
                OptionsTypeCheck.RefuseValue(section, problems);
                CheckSections(section.GetChildren(), container.Children, problems);
                break;
            case OptionsSectionNode options:
                OptionsTypeCheck.Check(section, options.OptionsType, problems);
                break;
            case NamedSectionsNode named:
                OptionsTypeCheck.RefuseValue(section, problems);
                foreach (var entry in section.GetChildren())
                {
                    CheckEntry(entry, named, problems);
                }

                break;
            case CustomSectionNode custom:
                problems.AddRange(custom.Check(section));
                break;
            default:
                throw new InvalidOperationException($"Unknown schema node {node.GetType().Name}.");
        }
    }

    private static void CheckEntry(IConfigurationSection entry, NamedSectionsNode named, List<string> problems)
    {
        if (NamedEntry.TrySelect(entry, named.SelectorKey, named.TypesBySelector, named.Noun, problems, out var type))
        {
            OptionsTypeCheck.Check(entry, type, problems);
        }
    }
}
