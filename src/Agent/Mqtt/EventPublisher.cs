using System.Buffers;
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

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Json.Options.Encoder, SkipValidation = true };

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
        if (appEvent is Decision decision)
        {
            // The hot path (every decision): written straight, without a document, the same bytes.
            return SerializeDecision(decision, runId);
        }

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
        // Kinds without a writer of their own: every property the record declares beyond the common ones.
        var node = JsonSerializer.SerializeToNode(appEvent, appEvent.GetType(), Json.Options)!.AsObject();
        foreach (var (name, value) in node.Where(p => !json.ContainsKey(p.Key) && p.Key is not ("latency" or "kind")).ToList())
        {
            node.Remove(name);
            json[name] = value;
        }

        return JsonSerializer.SerializeToUtf8Bytes(json, Json.Options);
    }

    private static byte[] SerializeDecision(Decision decision, string runId)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v"u8, PayloadVersion);
            writer.WriteString("kind"u8, decision.Kind);
            writer.WriteString("app"u8, decision.App);
            writer.WriteString("runId"u8, runId);
            writer.WriteNumber("sequence"u8, decision.Sequence);
            writer.WriteString("originatingTime"u8, decision.OriginatingTime);
            writer.WriteString("source"u8, decision.Source);
            writer.WriteNumber("latencyMs"u8, Math.Round(decision.Latency.TotalMilliseconds, 3));
            writer.WriteString("label"u8, decision.Label);
            writer.WriteNumber("confidence"u8, Math.Round(decision.Confidence, 4));
            writer.WriteStartObject("probabilities"u8);
            foreach (var (label, probability) in decision.Probabilities)
            {
                writer.WriteNumber(label, Math.Round(probability, 4));
            }

            writer.WriteEndObject();
            if (decision.Truth is not null)
            {
                writer.WriteString("truth"u8, decision.Truth);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
