using System.Globalization;

namespace Sensact.Agent.Hosting;

/// <summary>
/// The agent's own command-line options, <c>--config &lt;file&gt;</c>,
/// <c>--duration &lt;seconds&gt;</c>, <c>--help</c> and <c>--version</c>; every other argument is a
/// configuration override such as <c>--Agent:Id=pi-7</c>.
/// </summary>
/// <param name="ConfigFile">An extra JSON configuration file, or null.</param>
/// <param name="Duration">How long to run before stopping cleanly, or null to run until stopped.</param>
/// <param name="Overrides">The remaining arguments, for the command-line configuration provider.</param>
public sealed record AgentCommandLine(string? ConfigFile, TimeSpan? Duration, IReadOnlyList<string> Overrides)
{
    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        sensact-agent: the Sensact sensing-to-action agent

        Usage: sensact-agent [--config <file>] [--duration <seconds>] [--Section:Key=value ...]

          --config <file>        an extra JSON configuration file, over configs/sensact.json
          --duration <seconds>   run that long, then stop cleanly (exit code 0)
          --Section:Key=value    set one configuration key, e.g. --Agent:Id=pi-7 --Mqtt:Host=broker.local
          --help                 show this text
          --version              show the version

        Environment variables SENSACT_Section__Key=value set keys too (command line wins).
        With no Mqtt:Host the agent runs its own broker on 127.0.0.1:<Mqtt:Port>.
        Exit codes: 0 stopped cleanly, 1 failed while running, 2 configuration error.
        Every key is described in docs/configuration.md.
        """;

    /// <summary>Gets whether <c>--help</c> (or <c>-h</c>) was given: print <see cref="Usage"/> and exit.</summary>
    public bool Help { get; init; }

    /// <summary>Gets whether <c>--version</c> was given: print the version and exit.</summary>
    public bool Version { get; init; }

    /// <summary>Splits <paramref name="args"/> into the agent's options and configuration overrides.</summary>
    /// <exception cref="AgentStartupException">An option lacks its value or the value is invalid.</exception>
    public static AgentCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        TimeSpan? duration = null;
        bool help = false, version = false;
        var overrides = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "--config":
                    config = inlineValue ?? Next(args, ref i, name);
                    if (string.IsNullOrWhiteSpace(config))
                    {
                        throw new AgentStartupException("--config needs a file name.");
                    }

                    break;
                case "--duration":
                    duration = ParseDuration(inlineValue ?? Next(args, ref i, name));
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                default:
                    overrides.Add(args[i]);
                    break;
            }
        }

        return new AgentCommandLine(config, duration, overrides) { Help = help, Version = version };
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string name) =>
        ++i < args.Count ? args[i] : throw new AgentStartupException($"{name} needs a value.");

    private static TimeSpan ParseDuration(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw new AgentStartupException($"--duration must be a positive number of seconds (got '{value}').");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
