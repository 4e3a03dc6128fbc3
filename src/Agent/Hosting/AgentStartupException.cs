namespace Sensact.Agent.Hosting;

/// <summary>
/// The agent cannot start as configured. Each problem names the configuration key (or option),
/// what was wrong and what to do; the process exits with <see cref="ExitCodes.ConfigurationError"/>.
/// </summary>
public sealed class AgentStartupException : Exception
{
    private readonly IReadOnlyList<string>? _problems;

    /// <summary>Creates the exception.</summary>
    public AgentStartupException()
    {
    }

    /// <summary>Creates the exception with a message that names the key and the reason.</summary>
    public AgentStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for several problems found at once; the message has one line for each.</summary>
    public AgentStartupException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        _problems = [.. problems];
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    public AgentStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the problems, one message each: those given, or the message alone.</summary>
    public IReadOnlyList<string> Problems => _problems ?? [Message];
}
