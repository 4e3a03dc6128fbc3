using System.Text.Json;
using Sensact.Agent.Apps;

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
    /// <summary>Gets the payload version.</summary>
    public int V { get; init; } = 1;

    /// <summary>Gets the run id (new at every start), or null.</summary>
    public string? RunId { get; init; }

    /// <summary>Gets every application's state, by name, or null.</summary>
    public IReadOnlyDictionary<string, AppStatusPayload>? Apps { get; init; }

    /// <summary>Gets the outbox's counts, or null.</summary>
    public OutboxPayload? Outbox { get; init; }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    /// <summary>Turns the applications' states into their payload.</summary>
    public static IReadOnlyDictionary<string, AppStatusPayload> From(IReadOnlyDictionary<string, AppStatus> apps) =>
        apps.ToDictionary(
            app => app.Key,
            app => new AppStatusPayload(app.Value.Kind, app.Value.State.ToWire(), app.Value.Restarts, app.Value.Error),
            StringComparer.Ordinal);
}

/// <summary>One application in the status: its kind, state (<c>running</c>, <c>restarting</c>, <c>failed</c>, ...), restarts and last error.</summary>
internal sealed record AppStatusPayload(string Kind, string State, int Restarts, string? Error);

/// <summary>
/// The outbox in the status: messages waiting for the broker, events dropped because it was full, the
/// bytes of events held, whether they are on disk, and why not when the disk fails.
/// </summary>
internal sealed record OutboxPayload(int Queued, long Dropped, long Bytes, bool Durable, string? DiskProblem)
{
    /// <summary>Reads the counts of <paramref name="outbox"/>.</summary>
    public static OutboxPayload From(Outbox outbox) => new(outbox.Count, outbox.Dropped, outbox.Bytes, outbox.IsDurable, outbox.DiskProblem);
}
