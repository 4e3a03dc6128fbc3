namespace Sensact.Agent.Events;

/// <summary>
/// This run of the agent: an id that is new at every start, carried by every event and the status,
/// so consumers can deduplicate on (run id, sequence) and tell a restart from a duplicate.
/// </summary>
internal sealed class AgentRun(TimeProvider time)
{
    /// <summary>Gets the run id: 16 random hex digits.</summary>
    /// <remarks>
    /// From <see cref="Guid.NewGuid"/>, not the cryptographic generator: the id needs to be unique,
    /// not secret, and on Linux the cryptographic generator loads OpenSSL, which a minimal device
    /// image may lack (the arm64 build failed to start without it).
    /// </remarks>
    public string Id { get; } = Guid.NewGuid().ToString("N")[..16];

    /// <summary>Gets when the run started.</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
