using MQTTnet;
using MQTTnet.Formatter;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Slice;

/// <summary>The whole first slice (replay -> windows -> ONNX -> MQTT) on the agent's embedded broker.</summary>
public sealed class EmbeddedBrokerSliceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly string[] Labels = ["running", "stationary", "walking"];

    [Fact]
    public async Task Agent_OnEmbeddedBroker_PublishesActivityEventsAndRetainedStatus()
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync("embedded-1", $"--Mqtt:Port={port}");
        await agent.WaitUntilConnectedAsync();
        await using var recorder = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/#");

        var events = await recorder.WaitForAsync(m => m.Topic == $"{agent.TopicRoot}/events/activity", 3, Deadline);
        var status = await recorder.WaitForAsync(m => m.Topic == $"{agent.TopicRoot}/status", 1, Deadline);

        Assert.True(status[0].Retained);
        Assert.Equal("online", status[0].Json.GetProperty("state").GetString());
        foreach (var message in events)
        {
            var json = message.Json;
            Assert.Contains(json.GetProperty("label").GetString(), Labels);
            Assert.InRange(json.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.True(json.GetProperty("latencyMs").GetDouble() >= 0);
            Assert.Equal("activity", json.GetProperty("app").GetString());
            Assert.Equal("decision", json.GetProperty("kind").GetString());
            Assert.Equal(3, json.GetProperty("probabilities").EnumerateObject().Count());
        }

        var sequences = events.Select(e => e.Json.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task Agent_SecondAppOnTheCommandLine_PublishesItsOwnEventsFromTheSameOpenedSensor()
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync("two-apps", $"--Mqtt:Port={port}", "--Apps:second:Kind=activity", "--Apps:second:Sensor=imu");
        await using var recorder = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/#");

        var first = await recorder.WaitForAsync(m => m.Topic == $"{agent.TopicRoot}/events/activity", 2, Deadline);
        var second = await recorder.WaitForAsync(m => m.Topic == $"{agent.TopicRoot}/events/second", 2, Deadline);
        var status = await recorder.WaitForAsync(
            m => m.Topic == $"{agent.TopicRoot}/status" && m.Json.TryGetProperty("apps", out var apps) && apps.TryGetProperty("second", out var app)
                 && app.GetProperty("state").GetString() == "running",
            1,
            Deadline);

        var sensor = Assert.Single(agent.Sensors.Hub.Sensors);
        Assert.Equal(["activity", "second"], sensor.Consumers.Select(c => c.Name).Order());
        Assert.True(sensor.IsOpen);
        Assert.All(second, e => Assert.Equal("second", e.Json.GetProperty("app").GetString()));
        var runId = status[^1].Json.GetProperty("runId").GetString();
        Assert.All(first.Concat(second), e => Assert.Equal(runId, e.Json.GetProperty("runId").GetString()));
    }

    [Fact]
    public async Task Agent_Started_RetainsItsBirthWithSensorsAppsModelsAndCommands()
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync("born", $"--Mqtt:Port={port}");
        await using var recorder = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/birth");

        var birth = (await recorder.WaitForAsync(m => m.Retained, 1, Deadline))[0].Json;

        Assert.Equal(1, birth.GetProperty("v").GetInt32());
        Assert.Equal(("imu", "replay", 26.0), (birth.GetProperty("sensors")[0].GetProperty("name").GetString(), birth.GetProperty("sensors")[0].GetProperty("driver").GetString(), birth.GetProperty("sensors")[0].GetProperty("sampleRateHz").GetDouble()));
        var app = birth.GetProperty("apps")[0];
        Assert.Equal("activity", app.GetProperty("name").GetString());
        Assert.Equal(Labels, app.GetProperty("models").GetProperty("activity-classifier.onnx").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["app.start", "app.stop", "apps.list", "config.get", "config.set", "model.swap", "record.start", "record.stop", "sensor.rate", "status"], birth.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Agent_Running_PublishesTelemetryWithRatesLatencyAndProcess()
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync("measured", $"--Mqtt:Port={port}", "--Mqtt:TelemetryInterval=00:00:01");
        await using var recorder = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/telemetry");

        var telemetry = await recorder.WaitForAsync(m => m.Json.GetProperty("apps").TryGetProperty("activity", out var app) && app.GetProperty("events").GetInt64() > 0, 1, Deadline);

        var json = telemetry[0].Json;
        Assert.False(telemetry[0].Retained);
        Assert.Equal(1, json.GetProperty("v").GetInt32());
        Assert.True(json.GetProperty("sensors").GetProperty("imu").GetProperty("frames").GetInt64() > 0);
        Assert.True(json.GetProperty("consumers").TryGetProperty("imu->activity", out _));
        Assert.True(json.GetProperty("process").GetProperty("workingSetMiB").GetDouble() > 0);
    }

    [Fact]
    public async Task Agent_HomeAssistantEnabled_RetainsOneDiscoverySensorPerApplication()
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync(
            "ha", $"--Mqtt:Port={port}", "--Mqtt:HomeAssistant:Enabled=true", "--Apps:second:Kind=activity", "--Apps:second:Sensor=imu");
        await using var recorder = await TopicRecorder.SubscribeAsync(port, "homeassistant/sensor/+/+/config");

        var configs = await recorder.WaitForAsync(m => m.Retained, 2, Deadline);

        Assert.Equal(
            [$"{agent.TopicRoot}/events/activity", $"{agent.TopicRoot}/events/second"],
            configs.Select(c => c.Json.GetProperty("state_topic").GetString()).Order(StringComparer.Ordinal));
        Assert.All(configs, c =>
        {
            Assert.Equal($"{agent.TopicRoot}/status", c.Json.GetProperty("availability_topic").GetString());
            Assert.Equal("{{ value_json.label }}", c.Json.GetProperty("value_template").GetString());
            Assert.StartsWith("homeassistant/sensor/ha/sensact_it_ha_", c.Topic, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Agent_StoppedGracefully_LeavesRetainedOfflineStatus()
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync("embedded-2", $"--Mqtt:Port={port}");
        await using (var online = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/status"))
        {
            await online.WaitForAsync(m => m.Json.GetProperty("state").GetString() == "online", 1, Deadline);
        }

        // The embedded broker stops with the agent, so watch the offline status arrive live.
        await using var recorder = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/status");
        await agent.StopAsync();

        var offline = await recorder.WaitForAsync(m => m.Json.GetProperty("state").GetString() == "offline", 1, Deadline);
        Assert.Equal("shutdown", offline[0].Json.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task EmbeddedBroker_ClientWithEmptyClientId_IsAccepted(MqttProtocolVersion version)
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync($"embedded-empty-{(int)version}", $"--Mqtt:Port={port}", "--Apps:activity:Enabled=false");
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(string.Empty)
            .WithProtocolVersion(version)
            .WithCleanSession(true)
            .Build();

        var result = await client.ConnectAsync(options, TestContext.Current.CancellationToken);

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
    }
}
