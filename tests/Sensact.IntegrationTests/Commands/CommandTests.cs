using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Commands;

/// <summary>Commands on <c>{agent}/cmd/{name}</c> through a real Mosquitto, from standard clients.</summary>
public sealed class CommandTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Status_MosquittoRrOverMqtt5_AnswersOkWithTheRun()
    {
        MosquittoBroker.SkipIfMissing();
        var rr = MosquittoBroker.Tool("mosquitto_rr");
        Assert.SkipUnless(File.Exists(rr), "mosquitto_rr is not installed (apt-get install mosquitto-clients); .ci/run installs it.");
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var agent = await AgentUnderTest.StartAsync("commanded", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}");
        await agent.WaitUntilConnectedAsync();

        // The runner starts applications in the background; until then "status" truthfully says "starting".
        await AgentUnderTest.WaitUntilAsync(() => agent.Apps.Snapshot().TryGetValue("activity", out var app) && app.State == Sensact.Agent.Apps.AppState.Running, Deadline);

        using var process = Process.Start(new ProcessStartInfo(rr, ["-V", "5", "-h", "127.0.0.1", "-p", $"{broker.Port}", "-t", $"{agent.TopicRoot}/cmd/status", "-e", "reply/status-test", "-m", "{}", "-W", "20"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        var reply = JsonDocument.Parse(output).RootElement;
        Assert.True(reply.GetProperty("ok").GetBoolean());
        Assert.Equal("commanded", reply.GetProperty("result").GetProperty("agent").GetString());
        Assert.Equal("running", reply.GetProperty("result").GetProperty("apps").GetProperty("activity").GetProperty("state").GetString());
        Assert.Equal(16, reply.GetProperty("result").GetProperty("runId").GetString()!.Length);
    }

    [Fact]
    public async Task AppStopThenStart_Mqtt311ReplyTo_ReleasesTheSensorAndEventsGoOnNumbered()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var agent = await AgentUnderTest.StartAsync("stoppable", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}");
        await agent.WaitUntilConnectedAsync();
        await using var events = await TopicRecorder.SubscribeAsync(broker.Port, $"{agent.TopicRoot}/events/activity");
        await using var replies = await TopicRecorder.SubscribeAsync(broker.Port, "operator/replies", MqttProtocolVersion.V311);
        using var operatorClient = await ConnectAsync(broker.Port);
        await events.WaitForAsync(_ => true, 2, Deadline);

        await SendAsync(operatorClient, $"{agent.TopicRoot}/cmd/app.stop", """{"app":"activity","replyTo":"operator/replies","correlationId":"stop-1"}""");
        var stopped = await replies.WaitForAsync(m => m.Json.GetProperty("correlationId").GetString() == "stop-1", 1, Deadline);
        var sensorClosed = !Assert.Single(agent.Sensors.Hub.Sensors).IsOpen;
        var whileStopped = events.Messages.Count;
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var afterPause = events.Messages.Count;

        await SendAsync(operatorClient, $"{agent.TopicRoot}/cmd/app.start", """{"app":"activity","replyTo":"operator/replies","correlationId":"start-1"}""");
        var started = await replies.WaitForAsync(m => m.Json.GetProperty("correlationId").GetString() == "start-1", 1, Deadline);
        var all = await events.WaitForAsync(_ => true, afterPause + 2, Deadline);

        Assert.Equal("stopped", stopped[0].Json.GetProperty("result").GetProperty("state").GetString());
        Assert.True(sensorClosed);
        Assert.Equal(whileStopped, afterPause);
        Assert.Equal("running", started[0].Json.GetProperty("result").GetProperty("state").GetString());
        var sequences = all.Select(e => e.Json.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task UnknownCommandAndMalformedPayload_GetErrorRepliesAndTheAgentStaysUp()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var agent = await AgentUnderTest.StartAsync("robust", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}");
        await agent.WaitUntilConnectedAsync();
        await using var replies = await TopicRecorder.SubscribeAsync(broker.Port, "operator/errors");
        using var operatorClient = await ConnectAsync(broker.Port, MqttProtocolVersion.V500);

        await SendAsync(operatorClient, $"{agent.TopicRoot}/cmd/reboot", "{}", responseTopic: "operator/errors");
        await SendAsync(operatorClient, $"{agent.TopicRoot}/cmd/app.stop", "{not json", responseTopic: "operator/errors");
        await SendAsync(operatorClient, $"{agent.TopicRoot}/cmd/app.stop", """{"app":"ghost"}""", responseTopic: "operator/errors");
        var errors = await replies.WaitForAsync(_ => true, 3, Deadline);

        Assert.Equal(["unknown_command", "bad_request", "unknown_app"], errors.Select(e => e.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.True(agent.Link.IsConnected);
    }

    private static async Task<IMqttClient> ConnectAsync(int port, MqttProtocolVersion version = MqttProtocolVersion.V311)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"operator-{Guid.NewGuid():N}").WithProtocolVersion(version).Build(),
            TestContext.Current.CancellationToken);
        return client;
    }

    private static async Task SendAsync(IMqttClient client, string topic, string payload, string? responseTopic = null)
    {
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (responseTopic is not null)
        {
            builder = builder.WithResponseTopic(responseTopic).WithCorrelationData([1, 2, 3]);
        }

        await client.PublishAsync(builder.Build(), TestContext.Current.CancellationToken);
    }
}
