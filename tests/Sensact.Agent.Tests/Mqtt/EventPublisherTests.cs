using System.Text.Json;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using Sensact.Agent.Events;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;
using Sensact.Pipelines.Events;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class EventPublisherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Publish_Decision_QueuesVersionedQos1JsonWithRunIdOnTheAppTopic()
    {
        using var outbox = new Outbox(1 << 20);
        var run = new AgentRun(TimeProvider.System);
        var publisher = new EventPublisher(new Topics(Options.Create(new AgentOptions { Fleet = "f", Id = "a" })), outbox, run);
        var decision = new Decision(
            "second",
            "walking",
            0.912345f,
            TimeSpan.FromMilliseconds(1.5),
            T0,
            "imu",
            7,
            new Dictionary<string, float> { ["walking"] = 0.912345f, ["running"] = 0.08f, ["stationary"] = 0.007655f })
        {
            Truth = "walking",
        };

        publisher.Publish(decision);

        Assert.True(outbox.TryPeek(out var message));
        Assert.Equal("sensact/v1/f/a/events/second", message.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.Equal(MqttPayloadFormatIndicator.CharacterData, message.PayloadFormatIndicator);
        Assert.Equal("application/json", message.ContentType);
        Assert.False(message.Retain);
        var json = JsonDocument.Parse(System.Buffers.BuffersExtensions.ToArray(message.Payload)).RootElement;
        Assert.Equal(1, json.GetProperty("v").GetInt32());
        Assert.Equal("decision", json.GetProperty("kind").GetString());
        Assert.Equal("second", json.GetProperty("app").GetString());
        Assert.Equal(run.Id, json.GetProperty("runId").GetString());
        Assert.Equal("walking", json.GetProperty("label").GetString());
        Assert.Equal("walking", json.GetProperty("truth").GetString());
        Assert.Equal(0.9123, json.GetProperty("confidence").GetDouble());
        Assert.Equal(1.5, json.GetProperty("latencyMs").GetDouble());
        Assert.Equal(7, json.GetProperty("sequence").GetInt64());
        Assert.Equal("imu", json.GetProperty("source").GetString());
        Assert.Equal(0.08, json.GetProperty("probabilities").GetProperty("running").GetDouble(), 4);
    }

    [Fact]
    public void Serialize_OtherKind_WritesCommonFieldsAndItsOwn()
    {
        var json = JsonDocument.Parse(EventPublisher.Serialize(new Alarm("watch", T0, "cam", 2, TimeSpan.FromMilliseconds(3), 0.75), "run1")).RootElement;

        Assert.Equal(("alarm", "watch", "run1", 2L, 3.0, 0.75),
            (json.GetProperty("kind").GetString(), json.GetProperty("app").GetString(), json.GetProperty("runId").GetString(),
             json.GetProperty("sequence").GetInt64(), json.GetProperty("latencyMs").GetDouble(), json.GetProperty("score").GetDouble()));
        Assert.False(json.TryGetProperty("latency", out _));
    }

    [Fact]
    public void Serialize_Decision_IsTheSameJsonAsTheGenericDocument()
    {
        var decision = new Decision("activity", "walk\"ing", 0.912345f, TimeSpan.FromMilliseconds(1.23456), T0.AddTicks(1234567), "imu", 41,
            new Dictionary<string, float> { ["walk\"ing"] = 0.912345f, ["running"] = 0.08f, ["stationary<>"] = 0.007655f }) { Truth = "walking" };
        var reference = new System.Text.Json.Nodes.JsonObject
        {
            ["v"] = 1,
            ["kind"] = "decision",
            ["app"] = decision.App,
            ["runId"] = "run1",
            ["sequence"] = decision.Sequence,
            ["originatingTime"] = decision.OriginatingTime,
            ["source"] = decision.Source,
            ["latencyMs"] = Math.Round(decision.Latency.TotalMilliseconds, 3),
            ["label"] = decision.Label,
            ["confidence"] = Math.Round(decision.Confidence, 4),
            ["probabilities"] = new System.Text.Json.Nodes.JsonObject(decision.Probabilities.Select(p =>
                KeyValuePair.Create(p.Key, (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(Math.Round(p.Value, 4))))),
            ["truth"] = decision.Truth,
        };
        Assert.Equal(JsonSerializer.Serialize(reference, Json.Options), System.Text.Encoding.UTF8.GetString(EventPublisher.Serialize(decision, "run1")));
    }

    [Fact]
    public void AgentRun_EachStart_HasANewId()
    {
        var first = new AgentRun(TimeProvider.System);
        var second = new AgentRun(TimeProvider.System);

        Assert.Equal(16, first.Id.Length);
        Assert.NotEqual(first.Id, second.Id);
    }

    private sealed record Alarm(string App, DateTimeOffset OriginatingTime, string Source, long Sequence, TimeSpan Latency, double Score)
        : AppEvent(App, OriginatingTime, Source, Sequence, Latency)
    {
        public override string Kind => "alarm";
    }
}
