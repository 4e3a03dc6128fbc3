using System.Text.Json;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;
using Sensact.Pipelines.Decisions;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class EventPublisherTests
{
    [Fact]
    public void Publish_Decision_QueuesQos1JsonOnThePipelineTopic()
    {
        var outbox = new Outbox(8);
        var publisher = new EventPublisher(new Topics(Options.Create(new AgentOptions { Fleet = "f", Id = "a" })), outbox);
        var decision = new Decision(
            "activity",
            "walking",
            0.912345f,
            TimeSpan.FromMilliseconds(1.5),
            new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
            "imu0",
            7,
            new Dictionary<string, float> { ["walking"] = 0.912345f, ["running"] = 0.08f, ["stationary"] = 0.007655f });

        publisher.Publish(decision);

        Assert.True(outbox.TryPeek(out var message));
        Assert.Equal("sensact/v1/f/a/events/activity", message.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.False(message.Retain);
        var json = JsonDocument.Parse(System.Buffers.BuffersExtensions.ToArray(message.Payload)).RootElement;
        Assert.Equal("walking", json.GetProperty("label").GetString());
        Assert.Equal(0.9123, json.GetProperty("confidence").GetDouble());
        Assert.Equal(1.5, json.GetProperty("latencyMs").GetDouble());
        Assert.Equal(7, json.GetProperty("sequence").GetInt64());
        Assert.Equal("imu0", json.GetProperty("source").GetString());
        Assert.Equal(0.08, json.GetProperty("probabilities").GetProperty("running").GetDouble(), 4);
    }
}
