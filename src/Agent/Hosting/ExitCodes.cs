namespace Sensact.Agent.Hosting;

/// <summary>The agent's process exit codes (systemd's <c>Restart=on-failure</c> acts on non-zero).</summary>
public static class ExitCodes
{
    /// <summary>Ran and stopped cleanly (signal, <c>--duration</c>).</summary>
    public const int Success = 0;

    /// <summary>A pipeline or service failed while running.</summary>
    public const int RuntimeFailure = 1;

    /// <summary>The configuration, the command line or a model is wrong; nothing was started.</summary>
    public const int ConfigurationError = 2;
}
