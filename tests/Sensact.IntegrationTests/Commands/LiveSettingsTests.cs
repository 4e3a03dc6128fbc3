using Sensact.Agent.Apps;
using Sensact.Agent.Commands;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Commands;

/// <summary><c>config.set</c> and <c>model.swap</c> on a running agent: checked as at start, applied live, refused without harm.</summary>
public sealed class LiveSettingsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConfigSet_LiveKey_AppliesAndConfigGetShowsIt()
    {
        await using var agent = await RunningAgentAsync("live-set");

        var result = agent.Command("config.set", """{"key":"Apps:activity:MinConfidence","value":0.75}""")!;

        Assert.Equal("Apps:activity:MinConfidence", result["key"]!.GetValue<string>());
        Assert.False(result["kept"]!.GetValue<bool>());
        Assert.Equal("0.75", agent.Command("config.get", """{"key":"Apps:activity:MinConfidence"}""")!.GetValue<string>());
        Assert.Equal(AppState.Running, agent.Apps.Snapshot()["activity"].State);
    }

    [Theory]
    [InlineData("""{"key":"Apps:activity:MinConfidence","value":2}""", CommandException.InvalidValue, "Apps:activity:MinConfidence must be between 0 and 1 (got 2).")]
    [InlineData("""{"key":"Apps:activity:MinConfidence","value":"high"}""", CommandException.InvalidValue, "Apps:activity:MinConfidence")]
    [InlineData("""{"key":"Apps:activity:Delivery:Policy","value":"LatestOnly"}""", CommandException.NotLive, "config.set changes an application's live keys")]
    [InlineData("""{"key":"Apps:activity:Sensor","value":"other"}""", CommandException.NotLive, "live keys of application 'activity': MinConfidence, Model")]
    [InlineData("""{"key":"Mqtt:Port","value":1}""", CommandException.NotLive, "'Mqtt:Port' cannot change while the agent runs")]
    [InlineData("""{"key":"Apps:nobody:MinConfidence","value":0.5}""", CommandException.UnknownApp, "no running application 'nobody'")]
    [InlineData("""{"key":"Apps:activity:MinConfidence"}""", CommandException.BadRequest, "config.set needs")]
    [InlineData("""{"key":"Apps:activity:Model","value":"/etc/passwd"}""", CommandException.InvalidValue, "Apps:activity:Model: ")]
    public async Task ConfigSet_BadRequest_ErrorWithTheKeyAndNothingChanges(string arguments, string code, string message)
    {
        await using var agent = await RunningAgentAsync("live-refused");

        var error = Assert.Throws<CommandException>(() => agent.Command("config.set", arguments));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("0.0", agent.Command("config.get", """{"key":"Apps:activity:MinConfidence"}""")!.GetValue<string>());
        Assert.Equal(AppState.Running, agent.Apps.Snapshot()["activity"].State);
    }

    [Fact]
    public async Task ModelSwap_ModelInTheModelDirectory_SwitchesAndEventsGoOn()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "models", "swap-test");
        Directory.CreateDirectory(folder);
        var shipped = Path.Combine(AppContext.BaseDirectory, "models", "activity", "activity-classifier.onnx");
        File.Copy(shipped, Path.Combine(folder, "v2.onnx"), overwrite: true);
        File.Copy(Path.ChangeExtension(shipped, ".json"), Path.Combine(folder, "v2.json"), overwrite: true);
        await using var agent = await RunningAgentAsync("live-swap");
        var published = agent.Outbox.Enqueued;

        var result = agent.Command("model.swap", """{"app":"activity","model":"models/swap-test/v2.onnx"}""")!;
        await AgentUnderTest.WaitUntilAsync(() => agent.Outbox.Enqueued >= published + 3, Deadline);

        Assert.Equal("models/swap-test/v2.onnx", result["value"]!.GetValue<string>());
        Assert.Equal(AppState.Running, agent.Apps.Snapshot()["activity"].State);
    }

    [Theory]
    [InlineData("""{"app":"activity","model":"../configs/sensact.json"}""", CommandException.BadRequest, "is not in the agent's model directory")]
    [InlineData("""{"app":"activity","model":"/etc/hostname"}""", CommandException.BadRequest, "is not in the agent's model directory")]
    [InlineData("""{"app":"activity","model":"models/activity/none.onnx"}""", CommandException.InvalidValue, "Apps:activity:Model: ")]
    [InlineData("""{"app":"activity"}""", CommandException.BadRequest, "model.swap needs")]
    public async Task ModelSwap_BadModel_OldModelKeepsServing(string arguments, string code, string message)
    {
        await using var agent = await RunningAgentAsync("live-swap-refused");
        var published = agent.Outbox.Enqueued;

        var error = Assert.Throws<CommandException>(() => agent.Command("model.swap", arguments));
        await AgentUnderTest.WaitUntilAsync(() => agent.Outbox.Enqueued >= published + 2, Deadline);

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensorRate_OpenSensor_SwitchesToANewSourceAndEventsGoOn()
    {
        await using var agent = await RunningAgentAsync("live-rate");
        var sensor = Assert.Single(agent.Sensors.Hub.Sensors);
        var before = sensor.Source;
        var published = agent.Outbox.Enqueued;

        var result = agent.Command("sensor.rate", """{"sensor":"imu","hz":26}""")!;
        await AgentUnderTest.WaitUntilAsync(() => agent.Outbox.Enqueued >= published + 3, Deadline);

        Assert.Equal("Sensors:imu:SampleRateHz", result["key"]!.GetValue<string>());
        Assert.NotSame(before, sensor.Source);
        Assert.True(sensor.IsOpen);
        Assert.Equal(AppState.Running, agent.Apps.Snapshot()["activity"].State);
    }

    [Theory]
    [InlineData("""{"sensor":"imu","hz":52}""", CommandException.InvalidValue, "Apps:activity:Model: the model was trained on 26 Hz data, but sensor 'imu' delivers 52 Hz")]
    [InlineData("""{"sensor":"imu","hz":-1}""", CommandException.InvalidValue, "Sensors:imu:SampleRateHz must be greater than 0 (got -1).")]
    [InlineData("""{"sensor":"camera","hz":10}""", CommandException.UnknownSensor, "no sensor 'camera' (sensors: imu)")]
    [InlineData("""{"sensor":"imu","hz":"fast"}""", CommandException.BadRequest, "sensor.rate needs")]
    public async Task SensorRate_Refused_SensorKeepsItsSource(string arguments, string code, string message)
    {
        await using var agent = await RunningAgentAsync("live-rate-refused");
        var sensor = Assert.Single(agent.Sensors.Hub.Sensors);
        var before = sensor.Source;

        var error = Assert.Throws<CommandException>(() => agent.Command("sensor.rate", arguments));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Same(before, sensor.Source);
        Assert.Equal("26", agent.Command("config.get", """{"key":"Sensors:imu:SampleRateHz"}""")!.GetValue<string>());
    }

    private static async Task<AgentUnderTest> RunningAgentAsync(string id)
    {
        var agent = await AgentUnderTest.StartAsync(id, $"--Mqtt:Port={FreePort.Next()}");
        await AgentUnderTest.WaitUntilAsync(() => agent.Apps.Snapshot().TryGetValue("activity", out var app) && app.State == AppState.Running, Deadline);
        return agent;
    }
}
