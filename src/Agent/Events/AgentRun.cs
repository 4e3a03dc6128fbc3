using System.Security.Cryptography;

namespace Sensact.Agent.Events;

/// <summary>
/// This run of the agent: an id that is new at every start, carried by every event and the status,
/// so consumers can deduplicate on (run id, sequence) and tell a restart from a duplicate.
/// </summary>
internal sealed class AgentRun(TimeProvider time)
{
    /// <summary>Gets the run id: 16 random hex digits.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Gets when the run started.</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
