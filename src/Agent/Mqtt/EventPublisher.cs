using System.Text.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.Agent.Events;
using Sensact.Pipelines.Events;

namespace Sensact.Agent.Mqtt;

/// <summary>Turns events into QoS 1 JSON messages on <c>{agent}/events/{app}</c> and queues them in the outbox.</summary>
internal sealed class EventPublisher(Topics topics, Outbox outbox, AgentRun run) : IEventSink
{
    /// <summary>The version of the event payloads; part of every payload as <c>v</c>.</summary>
    public const int PayloadVersion = 1;

    /// <summary>Queues <paramref name="appEvent"/>; never blocks (a full outbox drops its oldest message).</summary>
    public void Publish(AppEvent appEvent)
    {
        ArgumentNullException.ThrowIfNull(appEvent);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topics.Events(appEvent.App))
            .WithPayload(Serialize(appEvent, run.Id))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .Build();
        outbox.Enqueue(message);
    }

    /// <summary>The event's JSON: the common fields, then the kind's own (a decision's label, confidence, probabilities).</summary>
    public static byte[] Serialize(AppEvent appEvent, string runId)
    {
        ArgumentNullException.ThrowIfNull(appEvent);
        var json = new JsonObject
        {
            ["v"] = PayloadVersion,
            ["kind"] = appEvent.Kind,
            ["app"] = appEvent.App,
            ["runId"] = runId,
            ["sequence"] = appEvent.Sequence,
            ["originatingTime"] = appEvent.OriginatingTime,
            ["source"] = appEvent.Source,
            ["latencyMs"] = Math.Round(appEvent.Latency.TotalMilliseconds, 3),
        };
        if (appEvent is Decision decision)
        {
            json["label"] = decision.Label;
            json["confidence"] = Math.Round(decision.Confidence, 4);
            json["probabilities"] = new JsonObject(decision.Probabilities.Select(p =>
                KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(Math.Round(p.Value, 4)))));
            if (decision.Truth is not null)
            {
                json["truth"] = decision.Truth;
            }
        }
        else
        {
            // Kinds without a writer of their own: every property the record declares beyond the common ones.
            var node = JsonSerializer.SerializeToNode(appEvent, appEvent.GetType(), Json.Options)!.AsObject();
            foreach (var (name, value) in node.Where(p => !json.ContainsKey(p.Key) && p.Key is not ("latency" or "kind")).ToList())
            {
                node.Remove(name);
                json[name] = value;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(json, Json.Options);
    }
}
