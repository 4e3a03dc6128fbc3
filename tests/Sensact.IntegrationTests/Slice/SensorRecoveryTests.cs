using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Slice;

/// <summary>A sensor that fails is opened again while the rest of the agent keeps running.</summary>
public sealed class SensorRecoveryTests
{
    [Fact]
    public async Task Agent_SensorFailsAtFirst_StaysOnlineAndPublishesOnceSensorRecovers()
    {
        // A replay folder without recordings fails when the sensor opens; the recording arrives later.
        var folder = Directory.CreateTempSubdirectory("sensact-replay-");
        try
        {
            var port = FreePort.Next();
            await using var agent = await AgentUnderTest.StartAsync("recovering", $"--Mqtt:Port={port}", $"--Imu:Replay:Path={folder.FullName}");
            await agent.WaitUntilConnectedAsync();
            await using var recorder = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/events/activity");
            await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
            Assert.Empty(recorder.Messages);

            var walking = Directory.CreateDirectory(Path.Combine(folder.FullName, "walking"));
            File.Copy(
                Path.Combine(AppContext.BaseDirectory, "data", "imu", "stm32-har", "walking", "walking_01_26Hz_4g_mg.csv"),
                Path.Combine(walking.FullName, "walking_01_26Hz_4g_mg.csv"));

            var events = await recorder.WaitForAsync(_ => true, 2, TimeSpan.FromSeconds(30));
            Assert.True(agent.Link.IsConnected);
            Assert.Equal("walking", events[^1].Json.GetProperty("label").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
