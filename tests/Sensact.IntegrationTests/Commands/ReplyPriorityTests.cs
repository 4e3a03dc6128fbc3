using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Commands;

/// <summary>Command replies do not wait behind the events a broker outage has queued.</summary>
public sealed class ReplyPriorityTests
{
    private const int Queued = 20_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Status_ThousandsOfEventsQueued_TheReplyArrivesBeforeTheLastEvent()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var gate = new TcpGate();
        gate.Open(broker.Port);
        await using var agent = await AgentUnderTest.StartAsync(
            "prioritised", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={gate.Port}", "--Apps:activity:Enabled=false",
            "--Mqtt:KeepAlive=00:00:02", "--Mqtt:ReconnectMinDelay=00:00:00.200", "--Mqtt:ReconnectMaxDelay=00:00:00.500");
        await agent.WaitUntilConnectedAsync();
        await using var events = await TopicRecorder.SubscribeAsync(broker.Port, $"{agent.TopicRoot}/events/load");
        await using var replies = await TopicRecorder.SubscribeAsync(broker.Port, "reply/prioritised");

        // An outage: the events pile up in the outbox.
        gate.Close();
        await AgentUnderTest.WaitUntilAsync(() => !agent.Link.IsConnected, Deadline);
        for (var i = 0; i < Queued; i++)
        {
            agent.Outbox.Enqueue(new MqttApplicationMessageBuilder()
                .WithTopic($"{agent.TopicRoot}/events/load").WithPayload($"{{\"sequence\":{i}}}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        gate.Open(broker.Port);
        await AgentUnderTest.WaitUntilAsync(() => agent.Link.Connections >= 2, Deadline);
        using var operatorClient = new MqttClientFactory().CreateMqttClient();
        await operatorClient.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build(), TestContext.Current.CancellationToken);
        await operatorClient.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"{agent.TopicRoot}/cmd/status").WithPayload(Encoding.UTF8.GetBytes("{\"replyTo\":\"reply/prioritised\"}")).Build(), TestContext.Current.CancellationToken);

        await replies.WaitForAsync(_ => true, 1, Deadline);
        var eventsBeforeTheReply = events.Messages.Count;

        Assert.True(eventsBeforeTheReply < Queued, $"the reply came after all {Queued} queued events");
        await events.WaitForAsync(_ => true, Queued, Deadline); // and the events all follow
    }
}
