using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Slice;

/// <summary>
/// The durable outbox end to end: the broker is killed, the agent goes on producing, is killed
/// (SIGKILL) and started again while the broker is still away; when the broker is back every event
/// of both runs arrives, each run's in order, the old run's first. The outage lasts a few seconds;
/// bench/outbox-outage.sh runs the same test with a 60 s outage (<c>OUTBOX_TEST_OUTAGE_SECONDS</c>,
/// the agent killed half-way) and a faster replay (<c>OUTBOX_TEST_SPEED_FACTOR</c>).
/// </summary>
public sealed class OutboxLossTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(Setting("OUTBOX_TEST_OUTAGE_SECONDS", 0));
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60) + Outage;

    [Fact]
    public async Task Agent_KilledAndRestartedWhileTheBrokerIsDown_LosesNoEventAndKeepsTheOrder()
    {
        MosquittoBroker.SkipIfMissing();
        var cancel = TestContext.Current.CancellationToken;
        using var outbox = new OutboxFolder();
        var port = FreePort.Next();
        MosquittoBroker? broker = await MosquittoBroker.StartAsync(port, cancellationToken: cancel);
        await using var gate = new TcpGate(); // the agent reaches the broker through it: the test says when it may come back
        gate.Open(port);
        const string filter = "sensact/v1/it/durable/events/activity";
        string[] args =
        [
            "--Agent:Fleet=it", "--Agent:Id=durable", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={gate.Port}",
            "--Mqtt:KeepAlive=00:00:02", "--Mqtt:ReconnectMinDelay=00:00:00.200", "--Mqtt:ReconnectMaxDelay=00:00:00.500",
            $"--Sensors:imu:SpeedFactor={Setting("OUTBOX_TEST_SPEED_FACTOR", 20)}", outbox.Argument,
        ];
        var before = await TopicRecorder.SubscribeAsync(port, filter);
        var first = AgentProcess.Start(args);
        TopicRecorder? after = null;
        AgentProcess? second = null;
        try
        {
            var firstRun = (await before.WaitForAsync(_ => true, 3, Deadline))[0].Json.GetProperty("runId").GetString()!;

            // The broker dies; the first run goes on queueing on disk, then is killed.
            await broker.DisposeAsync();
            broker = null;
            var outage = System.Diagnostics.Stopwatch.StartNew();
            await WaitUntilAsync(() => outbox.Events().Count(e => e.RunId == firstRun) >= 10 && outage.Elapsed >= Outage / 2);
            await first.KillAsync();
            var firstRunLast = outbox.Events().Where(e => e.RunId == firstRun).Max(e => e.Sequence);

            // The second run starts while the broker is still away, and queues behind the first run's events.
            second = AgentProcess.Start(args);
            await WaitUntilAsync(() => outbox.Events().Count(e => e.RunId != firstRun) >= 10 && outage.Elapsed >= Outage);
            TestContext.Current.TestOutputHelper?.WriteLine($"broker away {outage.Elapsed.TotalSeconds:0.0} s; first run {firstRunLast + 1} events");

            gate.Close();
            broker = await MosquittoBroker.StartAsync(port, cancellationToken: cancel);
            after = await TopicRecorder.SubscribeAsync(port, filter);
            gate.Open(port);

            await WaitUntilAsync(() => Delivered(after).Count(e => e.RunId != firstRun) >= 10 && Delivered(after).Any(e => e.RunId == firstRun && e.Sequence == firstRunLast));

            // Nothing lost: every first-run sequence up to the last on disk, across both subscribers (at least once).
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"delivered after the outage: {after.Messages.Count} messages, {Delivered(after).Distinct().Count()} distinct, first run up to {firstRunLast}");
            var firstRunSeen = Delivered(before).Concat(Delivered(after)).Where(e => e.RunId == firstRun).Select(e => e.Sequence).ToHashSet();
            Assert.Equal(Enumerable.Range(0, (int)firstRunLast + 1).Select(i => (long)i), firstRunSeen.Order());

            // Order: duplicates aside, each run's events in sequence, the old run's before the new run's.
            var firsts = Delivered(after).Distinct().ToList();
            var secondRun = firsts.Where(e => e.RunId != firstRun).Select(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range(0, secondRun.Count).Select(i => (long)i), secondRun);
            var oldRun = firsts.Where(e => e.RunId == firstRun).Select(e => e.Sequence).ToList();
            Assert.Equal(oldRun.Order(), oldRun);
            Assert.True(firsts.FindLastIndex(e => e.RunId == firstRun) < firsts.FindIndex(e => e.RunId != firstRun), "the old run's events come first");
        }
        finally
        {
            await before.DisposeAsync();
            if (after is not null)
            {
                await after.DisposeAsync();
            }

            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            if (broker is not null)
            {
                await broker.DisposeAsync();
            }
        }
    }

    private static double Setting(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static IEnumerable<(string RunId, long Sequence)> Delivered(TopicRecorder recorder) =>
        recorder.Messages.Select(m => (m.Json.GetProperty("runId").GetString()!, m.Json.GetProperty("sequence").GetInt64()));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        while (!condition())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
