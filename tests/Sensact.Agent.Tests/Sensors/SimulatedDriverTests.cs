using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Configuration;
using Sensact.Agent.Sensors;
using Sensact.Agent.Tests.Configuration;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Tests.Sensors;

public sealed class SimulatedDriverTests
{
    [Fact]
    public void UnknownScene_IsRefusedListingTheKnownOnes()
    {
        using var sensors = new AgentSensors(Configurations.Of("Sensors:sim:Driver=simulated", "Sensors:sim:Scene=garden"), NullLoggerFactory.Instance);

        Assert.Equal(["Sensors:sim:Scene: unknown scene 'garden'; known scenes: activity, speaker-watch, trajectory-watch."], sensors.Problems);
    }

    [Fact]
    public void StreamTheSceneLacks_IsRefusedListingItsStreams()
    {
        using var sensors = new AgentSensors(Configurations.Of("Sensors:sim:Driver=simulated", "Sensors:sim:Scene=activity", "Sensors:sim:Stream=audio"), NullLoggerFactory.Instance);

        Assert.Equal(["Sensors:sim:Stream: scene 'activity' has no audio stream; it has: imu."], sensors.Problems);
    }

    [Fact]
    public void EachStream_MakesASharedSensorOfItsPayload()
    {
        using var sensors = new AgentSensors(
            Configurations.Of(
                "Sensors:mic:Driver=simulated", "Sensors:mic:Scene=speaker-watch", "Sensors:mic:Stream=audio",
                "Sensors:cam:Driver=simulated", "Sensors:cam:Scene=speaker-watch", "Sensors:cam:Stream=camera", "Sensors:cam:FrameRateHz=15",
                "Sensors:imu:Driver=simulated", "Sensors:imu:Scene=activity", "Sensors:imu:Seed=9"),
            NullLoggerFactory.Instance);

        Assert.Empty(sensors.Problems);
        Assert.NotNull(sensors.Hub.Get<AudioChunk>("mic"));
        Assert.NotNull(sensors.Hub.Get<ImageFrame>("cam"));
        var imu = sensors.Hub.Get<ImuSample>("imu");
        Assert.Equal(26, Assert.IsAssignableFrom<ISampledSensor>(imu.Source).SampleRateHz, 6);
    }

    [Fact]
    public void SimulatedKeys_PassTheStrictChecker()
    {
        var configuration = Configurations.Of(
            "Sensors:cam:Driver=simulated", "Sensors:cam:Scene=speaker-watch", "Sensors:cam:Stream=camera", "Sensors:cam:Width=640",
            "Sensors:cam:Height=480", "Sensors:cam:Seed=3", "Sensors:cam:Duration=00:01:00", "Sensors:cam:AsFastAsPossible=true");

        Assert.Empty(ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create()));
        Assert.Equal(
            ["Sensors:cam:Sede: unknown key; did you mean Sensors:cam:Seed?"],
            ConfigurationChecker.Check(Configurations.Of("Sensors:cam:Driver=simulated", "Sensors:cam:Scene=activity", "Sensors:cam:Sede=3"), AgentConfigurationSchema.Create()));
    }
}
