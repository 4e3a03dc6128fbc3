using Sensact.Agent.Hosting;

namespace Sensact.Agent.Tests.Hosting;

/// <summary>Bad configuration stops the agent before it starts, naming the key and the reason.</summary>
public sealed class AgentAppTests
{
    [Theory]
    [InlineData("--Mqtt:Port=70000", "Mqtt:Port")]
    [InlineData("--Mqtt:Port=abc", "Mqtt:Port")]
    [InlineData("--Mqtt:ProtocolVersion=4", "Mqtt:ProtocolVersion")]
    [InlineData("--Mqtt:Outbox:MaxBytes=0", "Mqtt:Outbox:MaxBytes")]
    [InlineData("--Mqtt:Outbox:Fsync=sometimes", "Mqtt:Outbox:Fsync")]
    [InlineData("--Mqtt:Outbox:MaxInFlight=0", "Mqtt:Outbox:MaxInFlight")]
    [InlineData("--Mqtt:TelemetryInterval=00:00:00.500", "Mqtt:TelemetryInterval")]
    [InlineData("--Mqtt:HomeAssistant:Enabled=true|--Mqtt:HomeAssistant:Prefix=home/assistant", "Mqtt:HomeAssistant:Prefix")]
    [InlineData("--Agent:Id=a/b", "Agent:Id")]
    [InlineData("--Agent:Fleet=", "Agent:Fleet")]
    [InlineData("--Sensors:imu:SpeedFactor=-1", "Sensors:imu:SpeedFactor")]
    [InlineData("--Sensors:imu:Path=no/such/folder", "Sensors:imu:Path")]
    [InlineData("--Sensors:imu:Driver=mpu9999", "Sensors:imu:Driver: unknown driver 'mpu9999'")]
    [InlineData("--Sensors:imu:Driver=mpu6050|--Sensors:imu:Bus=97", "Sensors:imu:Bus: /dev/i2c-97 does not exist. Enable I2C (on a Raspberry Pi: dtparam=i2c_arm=on")]
    [InlineData("--Sensors:imu:Driver=lsm9ds1|--Sensors:imu:GyroscopeRange=250", "Sensors:imu:GyroscopeRange must be 245, 500 or 2000")]
    [InlineData("--Sensors:imu:Driver=bno055|--Sensors:imu:Path=x.csv", "Sensors:imu:Path")]
    [InlineData("--Apps:activity:Delivery:Capacity=0", "Apps:activity:Delivery:Capacity")]
    [InlineData("--Apps:activity:Model=no/such/model.onnx", "Apps:activity:Model")]
    [InlineData("--Apps:activity:Kind=actvity", "Apps:activity:Kind: unknown kind 'actvity'")]
    [InlineData("--Apps:activity:Sensor=mic", "Apps:activity:Sensor: 'mic' is not declared")]
    [InlineData("--Apps:activity:MinConfidence=2", "Apps:activity:MinConfidence")]
    [InlineData("--Apps:activity:Restart:MaxAttempts=-1", "Apps:activity:Restart:MaxAttempts")]
    [InlineData("--Apps:my app:Kind=activity", "Apps:my app:")]
    [InlineData("--Apps:activity:Inference:IntraOpThreads=0", "Apps:activity:Inference:IntraOpThreads")]
    [InlineData("--Apps:activity:Inference:ExecutionProvider=CUDA", "Apps:activity:Inference:ExecutionProvider: ")]
    [InlineData("--duration=-1", "--duration")]
    [InlineData("--config=no-such-file.json", "--config")]
    public async Task RunAsync_BadSetting_ExitsWithConfigurationErrorNamingTheKey(string argument, string key)
    {
        using var error = new StringWriter();

        var exitCode = await AgentApp.RunAsync([.. argument.Split('|'), "--Mqtt:Port=1", "--ConsoleView:Enabled=false", .. argument.Split('|')], TextWriter.Null, error);

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

        var exitCode = await AgentApp.RunAsync([$"--Apps:activity:Model={model}", "--Mqtt:Port=1", "--Mqtt:Host=127.0.0.1"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Apps:activity:Model", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(model, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SensorRateDiffersFromModelCard_NamesBothKeys()
    {
        using var error = new StringWriter();

        var exitCode = await AgentApp.RunAsync(["--Sensors:imu:SampleRateHz=52", "--Mqtt:Port=1", "--Mqtt:Host=127.0.0.1"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Apps:activity:Model", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Sensors:imu:SampleRateHz", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReplayWithNothingToReplay_RefusesToStart()
    {
        var empty = Directory.CreateTempSubdirectory("sensact-empty-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(empty.FullName, "bad.csv"), "not, numbers\n", TestContext.Current.CancellationToken);
            using var error = new StringWriter();

            var exitCode = await AgentApp.RunAsync([$"--Sensors:imu:Path={empty.FullName}", "--Mqtt:Port=1", "--Mqtt:Host=127.0.0.1"], TextWriter.Null, error);

            Assert.Equal(ExitCodes.ConfigurationError, exitCode);
            Assert.Contains("Sensors:imu:Path", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("no well-formed sample", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_SeveralBadApps_ListsEveryProblemAtOnce()
    {
        using var error = new StringWriter();

        var exitCode = await AgentApp.RunAsync(
            ["--Apps:second:Kind=activity", "--Apps:second:Sensor=nope", "--Apps:third:Kind=activity", "--Apps:third:Model=missing.onnx", "--Apps:third:Sensor=imu", "--Mqtt:Port=1", "--Mqtt:Host=127.0.0.1"],
            TextWriter.Null,
            error);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Apps:second:Sensor", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Apps:third:Model", error.ToString(), StringComparison.Ordinal);
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
