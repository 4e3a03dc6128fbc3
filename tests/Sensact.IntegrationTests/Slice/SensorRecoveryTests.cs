using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Slice;

/// <summary>A sensor that fails is opened again while the rest of the agent keeps running.</summary>
public sealed class SensorRecoveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Agent_SensorFailsWhileRunning_StaysOnlineAndEventsResumeWithoutAGapInSequence()
    {
        // A looping replay reads its folder again at every pass: with the recording gone, the
        // sensor fails and is reopened with backoff until the recording is back.
        var folder = Directory.CreateTempSubdirectory("sensact-replay-");
        try
        {
            var walking = Directory.CreateDirectory(Path.Combine(folder.FullName, "walking"));
            var recording = Path.Combine(walking.FullName, "walk.csv");
            var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "data", "imu", "stm32-har", "walking", "walking_01_26Hz_4g_mg.csv"), TestContext.Current.CancellationToken);
            await File.WriteAllLinesAsync(recording, lines.Take(150), TestContext.Current.CancellationToken);
            var port = FreePort.Next();
            await using var agent = await AgentUnderTest.StartAsync("recovering", $"--Mqtt:Port={port}", $"--Sensors:imu:Path={folder.FullName}");
            await using var recorder = await TopicRecorder.SubscribeAsync(port, $"{agent.TopicRoot}/events/activity");
            await recorder.WaitForAsync(_ => true, 2, Deadline);

            File.Move(recording, recording + ".away");
            await AgentUnderTest.WaitUntilAsync(() => agent.Sensors.Hub.Sensors.Single().Failures >= 1, Deadline);
            var beforeRecovery = recorder.Messages.Count;
            File.Move(recording + ".away", recording);

            var events = await recorder.WaitForAsync(_ => true, beforeRecovery + 2, Deadline);
            Assert.True(agent.Link.IsConnected);
            var sequences = events.Select(e => e.Json.GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (long)i), sequences);
            Assert.Equal("walking", events[^1].Json.GetProperty("label").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
