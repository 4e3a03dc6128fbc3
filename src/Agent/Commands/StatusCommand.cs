using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Sensact.Agent.Apps;
using Sensact.Agent.Events;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Commands;

/// <summary><c>status</c>: the agent's identity, run, applications and outbox, as the retained status shows them.</summary>
internal sealed class StatusCommand(IOptions<AgentOptions> agent, AgentRun run, AppStates apps, Outbox outbox) : ICommand
{
    public string Name => "status";

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new JsonObject
        {
            ["fleet"] = agent.Value.Fleet,
            ["agent"] = agent.Value.Id,
            ["version"] = AgentVersion.Value,
            ["runId"] = run.Id,
            ["startedAt"] = run.StartedAt,
            ["apps"] = JsonSerializer.SerializeToNode(StatusPayload.From(apps.Snapshot()), Json.Options),
            ["outbox"] = new JsonObject { ["queued"] = outbox.Count, ["dropped"] = outbox.Dropped },
        };
    }
}
