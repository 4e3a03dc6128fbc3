using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.Pipelines.Decisions;

namespace Sensact.Agent.Mqtt;

/// <summary>Turns decisions into QoS 1 event messages and queues them in the outbox.</summary>
internal sealed class EventPublisher(Topics topics, Outbox outbox)
{
    /// <summary>Queues <paramref name="decision"/> on <c>{agent}/events/{pipeline}</c>; never blocks.</summary>
    public void Publish(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var payload = new DecisionEvent(
            decision.Pipeline,
            decision.Label,
            Math.Round(decision.Confidence, 4),
            Math.Round(decision.Latency.TotalMilliseconds, 3),
            decision.OriginatingTime,
            decision.SourceId,
            decision.Sequence,
            decision.Probabilities.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)));
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topics.Events(decision.Pipeline))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(payload, Json.Options))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        outbox.Enqueue(message);
    }

    private sealed record DecisionEvent(
        string Pipeline,
        string Label,
        double Confidence,
        double LatencyMs,
        DateTimeOffset OriginatingTime,
        string Source,
        long Sequence,
        IReadOnlyDictionary<string, double> Probabilities);
}
