namespace Sensact.Agent.Hosting;

/// <summary>
/// The agent cannot start as configured. The message names the configuration key, what was wrong
/// and what to do; the process exits with <see cref="ExitCodes.ConfigurationError"/>.
/// </summary>
public sealed class AgentStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentStartupException()
    {
    }

    /// <summary>Creates the exception with a message that names the key and the reason.</summary>
    public AgentStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    public AgentStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
