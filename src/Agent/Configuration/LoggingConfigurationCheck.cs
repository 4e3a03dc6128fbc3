using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sensact.Agent.Configuration;

/// <summary>
/// The rules of the <c>Logging</c> section: <c>Logging:LogLevel:{category}</c> and
/// <c>Logging:Console:LogLevel:{category}</c> hold log level names (any case, as the logging
/// filter reads them); nothing else is known.
/// </summary>
internal static class LoggingConfigurationCheck
{
    private const string LogLevelKey = "LogLevel";
    private const string ConsoleKey = "Console";

    /// <summary>Returns one message per problem under <paramref name="logging"/>, each naming the full key.</summary>
    public static IEnumerable<string> Check(IConfigurationSection logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var problems = new List<string>();
        OptionsTypeCheck.RefuseValue(logging, problems);
        foreach (var child in logging.GetChildren())
        {
            if (Is(child, LogLevelKey))
            {
                CheckLevels(child, problems);
            }
            else if (Is(child, ConsoleKey))
            {
                OptionsTypeCheck.RefuseValue(child, problems);
                foreach (var consoleChild in child.GetChildren())
                {
                    if (Is(consoleChild, LogLevelKey))
                    {
                        CheckLevels(consoleChild, problems);
                    }
                    else
                    {
                        problems.Add(Unknown(consoleChild, LogLevelKey));
                    }
                }
            }
            else
            {
                problems.Add(Unknown(child, LogLevelKey, ConsoleKey));
            }
        }

        return problems;
    }

    private static void CheckLevels(IConfigurationSection levels, List<string> problems)
    {
        OptionsTypeCheck.RefuseValue(levels, problems);
        foreach (var category in levels.GetChildren())
        {
            if (category.Value is { } value && !Enum.GetNames<LogLevel>().Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{category.Path}: '{value}' is not a log level (one of: {string.Join(", ", Enum.GetNames<LogLevel>())}).");
            }

            problems.AddRange(category.GetChildren().Select(child => $"{child.Path}: unknown key; {category.Path} takes a log level, not keys."));
        }
    }

    private static bool Is(IConfigurationSection section, string key) => string.Equals(section.Key, key, StringComparison.OrdinalIgnoreCase);

    private static string Unknown(IConfigurationSection section, params string[] known) =>
        $"{section.Path}: unknown key{KeySuggestion.DidYouMean(section, known)}";
}
