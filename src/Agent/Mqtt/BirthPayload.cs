using System.Text.Json;
using System.Text.Json.Nodes;
using Sensact.Agent.Apps;
using Sensact.Agent.Events;
using Sensact.Agent.Hosting;
using Sensact.Agent.Sensors;
using Sensact.Devices.Sensors;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// The retained JSON on <c>{agent}/birth</c>: what the agent is and can do — version, run, sensors,
/// applications with the models they run (their cards) and the commands it answers.
/// </summary>
internal static class BirthPayload
{
    public static byte[] Create(AgentOptions agent, AgentRun run, AgentSensors sensors, AgentApps apps, IReadOnlyCollection<string> commands)
    {
        var json = new JsonObject
        {
            ["v"] = 1,
            ["fleet"] = agent.Fleet,
            ["agent"] = agent.Id,
            ["version"] = AgentVersion.Value,
            ["runId"] = run.Id,
            ["startedAt"] = run.StartedAt,
            ["sensors"] = new JsonArray([.. sensors.Hub.Sensors.OrderBy(s => s.Name, StringComparer.Ordinal).Select(sensor => (JsonNode?)new JsonObject
            {
                ["name"] = sensor.Name,
                ["driver"] = sensors.Drivers.GetValueOrDefault(sensor.Name),
                ["payload"] = sensor.PayloadType.Name,
                ["sampleRateHz"] = sensor.Source is ISampledSensor sampled ? sampled.SampleRateHz : null,
            })]),
            ["apps"] = new JsonArray([.. apps.Apps.OrderBy(a => a.App.Name, StringComparer.Ordinal).Select(entry => (JsonNode?)new JsonObject
            {
                ["name"] = entry.App.Name,
                ["kind"] = entry.App.Kind,
                ["sensors"] = new JsonArray([.. entry.Options.SensorNames.Select(s => (JsonNode?)s)]),
                ["models"] = new JsonObject(entry.App.Models.Select(model =>
                    KeyValuePair.Create(model.Key, JsonSerializer.SerializeToNode(model.Value, Json.Options)))),
            })]),
            ["commands"] = new JsonArray([.. commands.Order(StringComparer.Ordinal).Select(c => (JsonNode?)c)]),
        };
        return JsonSerializer.SerializeToUtf8Bytes(json, Json.Options);
    }
}
