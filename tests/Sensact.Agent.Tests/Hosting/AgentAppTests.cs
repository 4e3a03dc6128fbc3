using Sensact.Agent.Hosting;

namespace Sensact.Agent.Tests.Hosting;

/// <summary>Bad configuration stops the agent before it starts, naming the key and the reason.</summary>
public sealed class AgentAppTests
{
    [Theory]
    [InlineData("--Mqtt:Port=70000", "Mqtt:Port")]
    [InlineData("--Mqtt:Port=abc", "Mqtt:Port")]
    [InlineData("--Mqtt:ProtocolVersion=4", "Mqtt:ProtocolVersion")]
    [InlineData("--Mqtt:OutboxCapacity=0", "Mqtt:OutboxCapacity")]
    [InlineData("--Agent:Id=a/b", "Agent:Id")]
    [InlineData("--Agent:Fleet=", "Agent:Fleet")]
    [InlineData("--Imu:Replay:SpeedFactor=-1", "Imu:Replay:SpeedFactor")]
    [InlineData("--Imu:Replay:Path=no/such/folder", "Imu:Replay:Path")]
    [InlineData("--Activity:Delivery:Capacity=0", "Activity:Delivery:Capacity")]
    [InlineData("--Activity:Model=no/such/model.onnx", "Activity:Model")]
    [InlineData("--duration=-1", "--duration")]
    [InlineData("--config=no-such-file.json", "--config")]
    public async Task RunAsync_BadSetting_ExitsWithConfigurationErrorNamingTheKey(string argument, string key)
    {
        using var error = new StringWriter();

        var exitCode = await AgentApp.RunAsync([argument, "--Mqtt:Port=1", "--ConsoleView:Enabled=false", argument], TextWriter.Null, error);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CorruptModel_ExitsWithConfigurationErrorNamingThePath()
    {
        var model = Path.Combine(Directory.CreateTempSubdirectory("sensact-model-").FullName, "broken.onnx");
        await File.WriteAllTextAsync(model, "this is not an ONNX model", TestContext.Current.CancellationToken);
        File.Copy(
            Path.Combine(AppContext.BaseDirectory, "models", "activity", "activity-classifier.json"),
            Path.ChangeExtension(model, ".json"));
        using var error = new StringWriter();

        var exitCode = await AgentApp.RunAsync([$"--Activity:Model={model}", "--Mqtt:Port=1", "--Mqtt:Host=127.0.0.1"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Activity:Model", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(model, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", "Usage: sensact-agent")]
    [InlineData("-h", "--duration <seconds>")]
    [InlineData("--version", "sensact-agent ")]
    public async Task RunAsync_HelpOrVersion_PrintsAndExitsWithoutStarting(string argument, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AgentApp.RunAsync([argument, "--Mqtt:Port=70000"], output, error);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }
}
