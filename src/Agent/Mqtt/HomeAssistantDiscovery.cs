using System.Text.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.Agent.Apps;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// Home Assistant MQTT discovery messages (retained, on <c>{prefix}/sensor/{agent}/{object id}/config</c>: the agent id is Home Assistant's node id, so a broker ACL can allow an agent its own discovery topics):
/// each application's latest decision appears as a sensor whose state is the event's label (with the
/// whole event as attributes), and the agent's retained status is its availability.
/// </summary>
internal static class HomeAssistantDiscovery
{
    public static IReadOnlyList<MqttApplicationMessage> Messages(HomeAssistantOptions options, AgentOptions agent, Topics topics, AgentApps apps)
    {
        var device = new JsonObject
        {
            ["identifiers"] = new JsonArray($"sensact_{agent.Fleet}_{agent.Id}"),
            ["name"] = $"Sensact {agent.Id}",
            ["manufacturer"] = "Sensact",
            ["sw_version"] = AgentVersion.Value,
        };
        return [.. apps.Apps.Select(entry =>
        {
            var objectId = ObjectId($"sensact_{agent.Fleet}_{agent.Id}_{entry.App.Name}");
            var config = new JsonObject
            {
                ["name"] = entry.App.Name,
                ["unique_id"] = objectId,
                ["state_topic"] = topics.Events(entry.App.Name),
                ["value_template"] = "{{ value_json.label }}",
                ["json_attributes_topic"] = topics.Events(entry.App.Name),
                ["availability_topic"] = topics.Status,
                ["availability_template"] = "{{ value_json.state }}",
                ["payload_available"] = "online",
                ["payload_not_available"] = "offline",
                ["icon"] = "mdi:motion-sensor",
                ["device"] = device.DeepClone(),
            };
            return new MqttApplicationMessageBuilder()
                .WithTopic($"{options.Prefix}/sensor/{agent.Id}/{objectId}/config")
                .WithPayload(JsonSerializer.SerializeToUtf8Bytes(config, Json.Options))
                .WithRetainFlag(true)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithContentType("application/json")
                .Build();
        })];
    }

    // Home Assistant's object ids take letters, digits, '_' and '-'.
    private static string ObjectId(string value) =>
        string.Concat(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
}
