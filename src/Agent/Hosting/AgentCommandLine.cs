using System.Globalization;
using Sensact.Agent.Configuration;

namespace Sensact.Agent.Hosting;

/// <summary>
/// The agent's own command-line options, <c>--config &lt;file&gt;</c>,
/// <c>--duration &lt;seconds&gt;</c>, <c>--help</c> and <c>--version</c>, and configuration
/// overrides such as <c>--Agent:Id=pi-7</c>; anything else is refused.
/// </summary>
/// <param name="ConfigFile">An extra JSON configuration file, or null.</param>
/// <param name="Duration">How long to run before stopping cleanly, or null to run until stopped.</param>
/// <param name="Overrides">The configuration overrides, for the command-line configuration provider.</param>
public sealed record AgentCommandLine(string? ConfigFile, TimeSpan? Duration, IReadOnlyList<string> Overrides)
{
    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        sensact-agent: the Sensact sensing-to-action agent

        Usage: sensact-agent [--config <file>] [--duration <seconds>] [--Section:Key=value ...]
               sensact-agent score-tracks --input <tracks.csv> --output <scores.csv> [--normal <normal.csv>]
                             (offline anomaly scoring of recorded tracks; score-tracks --help for more)

          --config <file>        an extra JSON configuration file, over configs/sensact.json
          --duration <seconds>   run that long, then stop cleanly (exit code 0)
          --Section:Key=value    set one configuration key, e.g. --Agent:Id=pi-7 --Mqtt:Host=broker.local
                                 (also --Section:Key value, /Section:Key=value)
          --help                 show this text
          --version              show the version

        Environment variables SENSACT_Section__Key=value set keys too (command line wins).
        Unknown options and keys, and values of the wrong type, stop the agent at start.
        With no Mqtt:Host the agent runs its own broker on 127.0.0.1:<Mqtt:Port>.
        Exit codes: 0 stopped cleanly, 1 failed while running, 2 configuration error.
        Every key is described in docs/configuration.md.
        """;

    private static readonly string[] Options = ["--config", "--duration", "--help", "--version"];

    /// <summary>Gets whether <c>--help</c> (or <c>-h</c>) was given: print <see cref="Usage"/> and exit.</summary>
    public bool Help { get; init; }

    /// <summary>Gets whether <c>--version</c> was given: print the version and exit.</summary>
    public bool Version { get; init; }

    /// <summary>Gets what is wrong with the arguments, one message each; the agent does not start when there is any.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// Splits <paramref name="args"/> into the agent's options and configuration overrides; unknown
    /// options, missing values and invalid ones go to <see cref="Problems"/>, all of them, so that
    /// they are reported together with the configuration's problems.
    /// </summary>
    public static AgentCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        TimeSpan? duration = null;
        bool help = false, version = false;
        var overrides = new List<string>();
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "--config":
                    config = ParseConfig(inlineValue ?? Next(args, ref i, name, problems), problems) ?? config;
                    break;
                case "--duration":
                    duration = ParseDuration(inlineValue ?? Next(args, ref i, name, problems), problems) ?? duration;
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case var key when IsConfigurationKey(key):
                    overrides.Add(args[i]);
                    if (inlineValue is null && Next(args, ref i, name, problems) is { } value)
                    {
                        overrides.Add(value);
                    }

                    break;
                default:
                    problems.Add(Unknown(name));
                    if (inlineValue is null && i + 1 < args.Count && !LooksLikeOption(args[i + 1]))
                    {
                        i++; // its value, e.g. the 5 of "--duraton 5"
                    }

                    break;
            }
        }

        return new AgentCommandLine(config, duration, overrides) { Help = help, Version = version, Problems = problems };
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    // A value never starts with "--" here: "--Agent:Id --duration 5" lacks the id, it does not set it to "--duration".
    private static string? Next(IReadOnlyList<string> args, ref int i, string name, List<string> problems)
    {
        if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            return args[++i];
        }

        problems.Add($"{name} needs a value.");
        return null;
    }

    // --Section:Key or /Section:Key, as the command-line configuration provider reads them.
    private static bool IsConfigurationKey(string name) =>
        KeyOf(name) is { } key && key.Contains(':', StringComparison.Ordinal) && !key.Split(':').Any(string.IsNullOrWhiteSpace);

    private static string? KeyOf(string name) =>
        name.StartsWith("--", StringComparison.Ordinal) ? name[2..]
        : name.StartsWith('/') ? name[1..]
        : null;

    private static bool LooksLikeOption(string arg) => arg.StartsWith('-') || arg.StartsWith('/');

    private static string Unknown(string name)
    {
        var bare = name.TrimStart('-', '/');
        var suggestion = bare.Contains(':', StringComparison.Ordinal) && !bare.Split(':').Any(string.IsNullOrWhiteSpace)
            ? $"; did you mean --{bare}?"
            : KeySuggestion.DidYouMean(name, Options);
        return $"unknown option '{name}'{suggestion}";
    }

    private static string? ParseConfig(string? value, List<string> problems)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add("--config needs a file name.");
            return null;
        }

        return value;
    }

    private static TimeSpan? ParseDuration(string? value, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            problems.Add($"--duration must be a positive number of seconds (got '{value}').");
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
