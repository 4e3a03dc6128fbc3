namespace Sensact.Agent.Hosting;

/// <summary>
/// The exit code the process ends with. A service that fails sets it before stopping the host:
/// the host itself would exit 0 and systemd would not restart the agent.
/// </summary>
internal sealed class AgentExitCode
{
    private int _value = ExitCodes.Success;

    public int Value => Volatile.Read(ref _value);

    /// <summary>Records a failure; the first one wins.</summary>
    public void Fail(int code) => Interlocked.CompareExchange(ref _value, code, ExitCodes.Success);
}
