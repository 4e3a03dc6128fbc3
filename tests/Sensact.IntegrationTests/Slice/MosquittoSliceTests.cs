using System.Diagnostics;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Slice;

/// <summary>The first slice against a real Mosquitto broker that the test starts and stops.</summary>
public sealed class MosquittoSliceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Agent_OnMosquitto_PublishesActivityEventsAndRetainedStatus()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var agent = await AgentUnderTest.StartAsync("mosquitto-1", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}");
        await using var recorder = await TopicRecorder.SubscribeAsync(broker.Port, $"{agent.TopicRoot}/#");

        await recorder.WaitForAsync(m => m.Topic.EndsWith("/events/activity", StringComparison.Ordinal), 3, Deadline);
        await agent.StopAsync();

        await using var late = await TopicRecorder.SubscribeAsync(broker.Port, $"{agent.TopicRoot}/status");
        var retained = await late.WaitForAsync(m => m.Retained, 1, Deadline);
        Assert.Equal("offline", retained[0].Json.GetProperty("state").GetString());
        Assert.Equal("shutdown", retained[0].Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Agent_BrokerAbsentAtStart_KeepsEventsAndDeliversThemWhenBrokerComes()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var gate = new TcpGate();
        await using var agent = await AgentUnderTest.StartAsync(
            "late-broker",
            "--Mqtt:Host=127.0.0.1",
            $"--Mqtt:Port={gate.Port}",
            "--Mqtt:ReconnectMinDelay=00:00:00.200",
            "--Mqtt:ReconnectMaxDelay=00:00:00.500");

        // The pipeline runs while the broker is away: its events wait in the outbox.
        await WaitUntilAsync(() => agent.Outbox.Count >= 3);
        Assert.False(agent.Link.IsConnected);

        await using var recorder = await TopicRecorder.SubscribeAsync(broker.Port, $"{agent.TopicRoot}/events/activity");
        gate.Open(broker.Port);

        var events = await recorder.WaitForAsync(_ => true, 3, Deadline);
        Assert.Equal([0L, 1L, 2L], events.Take(3).Select(e => e.Json.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task Agent_BrokerLostWhileRunning_ReconnectsAndLosesNoEvent()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var gate = new TcpGate();
        gate.Open(broker.Port);
        await using var recorder = await TopicRecorder.SubscribeAsync(broker.Port, "sensact/v1/it/flaky-broker/events/activity");
        await using var agent = await AgentUnderTest.StartAsync(
            "flaky-broker",
            "--Mqtt:Host=127.0.0.1",
            $"--Mqtt:Port={gate.Port}",
            "--Mqtt:KeepAlive=00:00:01",
            "--Mqtt:ReconnectMinDelay=00:00:00.200",
            "--Mqtt:ReconnectMaxDelay=00:00:00.500");
        await recorder.WaitForAsync(_ => true, 2, Deadline);

        gate.Close();
        await WaitUntilAsync(() => !agent.Link.IsConnected);
        var queuedWhileAway = agent.Outbox.Enqueued;
        await WaitUntilAsync(() => agent.Outbox.Enqueued >= queuedWhileAway + 3);
        gate.Open(broker.Port);
        await WaitUntilAsync(() => agent.Link.Connections >= 2 && agent.Outbox.Count == 0);

        var sequences = (await recorder.WaitForAsync(_ => true, (int)queuedWhileAway + 3, Deadline))
            .Select(e => e.Json.GetProperty("sequence").GetInt64()).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task Agent_BrokerWantsAPassword_ConnectsWithThePasswordFileAndNotWithAWrongOne()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(user: ("agent", "s3cret"), cancellationToken: TestContext.Current.CancellationToken);
        var folder = Directory.CreateTempSubdirectory("sensact-secret-");
        try
        {
            var right = Path.Combine(folder.FullName, "right");
            var wrong = Path.Combine(folder.FullName, "wrong");
            await File.WriteAllTextAsync(right, "s3cret\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(wrong, "guess\n", TestContext.Current.CancellationToken);
            await using var admitted = await AgentUnderTest.StartAsync("with-secret", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Mqtt:Username=agent", $"--Mqtt:PasswordFile={right}");
            await using var refused = await AgentUnderTest.StartAsync("wrong-secret", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Mqtt:Username=agent", $"--Mqtt:PasswordFile={wrong}");

            await admitted.WaitUntilConnectedAsync();
            await WaitUntilAsync(() => admitted.Outbox.Enqueued >= 2 && admitted.Outbox.Count == 0);
            await WaitUntilAsync(() => refused.Outbox.Enqueued >= 2);

            Assert.True(admitted.Link.IsConnected);
            Assert.Equal(0, refused.Link.Connections);
            Assert.Equal(refused.Outbox.Enqueued, refused.Outbox.Count); // nothing left: the broker refuses it
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Deadline, "condition not met within the deadline");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Agent_ProcessKilled_LastWillMarksItOffline()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var recorder = await TopicRecorder.SubscribeAsync(broker.Port, "sensact/v1/it/killed/status");
        await using var agent = AgentProcess.Start("--Agent:Fleet=it", "--Agent:Id=killed", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Mqtt:KeepAlive=00:00:02");
        await recorder.WaitForAsync(m => m.Json.GetProperty("state").GetString() == "online", 1, Deadline);

        await agent.KillAsync();

        var will = await recorder.WaitForAsync(m => m.Json.GetProperty("state").GetString() == "offline", 1, Deadline);
        Assert.Equal("connection-lost", will[0].Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Agent_ProcessTerminated_PublishesOfflineAndExitsZero()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var recorder = await TopicRecorder.SubscribeAsync(broker.Port, "sensact/v1/it/terminated/#");
        await using var agent = AgentProcess.Start("--Agent:Fleet=it", "--Agent:Id=terminated", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Sensors:imu:SpeedFactor=20");
        await recorder.WaitForAsync(m => m.Topic.EndsWith("/events/activity", StringComparison.Ordinal), 1, Deadline);

        var exitCode = await agent.TerminateAsync(Deadline);

        Assert.Equal(0, exitCode);
        var offline = await recorder.WaitForAsync(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && m.Json.GetProperty("state").GetString() == "offline", 1, Deadline);
        Assert.Equal("shutdown", offline[0].Json.GetProperty("reason").GetString());
    }
}
