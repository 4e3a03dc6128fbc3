using System.Text.Json;

namespace Sensact.Agent.Mqtt;

/// <summary>The retained JSON on <c>{agent}/status</c>.</summary>
/// <param name="State"><c>online</c> or <c>offline</c>.</param>
/// <param name="Fleet">The agent's fleet.</param>
/// <param name="Agent">The agent's id.</param>
/// <param name="Version">The agent's version.</param>
/// <param name="Reason">Why the agent is offline (<c>shutdown</c>, <c>connection-lost</c>), or null when online.</param>
/// <param name="Time">When the state was set; null in the Last Will, which the broker sends later.</param>
internal sealed record StatusPayload(string State, string Fleet, string Agent, string Version, string? Reason, DateTimeOffset? Time)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);
}
