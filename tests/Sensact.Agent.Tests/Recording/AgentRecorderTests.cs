using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Sensors;
using Sensact.Agent.Tests.Configuration;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;
using Sensact.Pipelines.Delivery;

namespace Sensact.Agent.Tests.Recording;

public sealed class AgentRecorderTests
{
    [Fact]
    public async Task StartStop_ImuReplay_WritesEveryFrameToOneFileAndReportsIt()
    {
        using var fixture = new RecordingFixture();
        var samples = ImuCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, RecordingFixture.Walking)).Samples;

        var started = fixture.Recorder.Start();
        await fixture.WaitForFramesAsync("imu", samples.Count);
        var stopped = fixture.Recorder.Stop();

        Assert.True(started.Recording);
        Assert.Equal(["imu"], started.Sensors);
        var file = Assert.Single(started.Files);
        Assert.StartsWith(fixture.Folder, file, StringComparison.Ordinal);
        Assert.False(stopped.Recording);
        Assert.Equal([file], stopped.Files);
        Assert.Equal(samples.Count, stopped.Frames["imu"]);
        Assert.Equal(0, stopped.Dropped["imu"]);
        var channel = Assert.Single(McapSummary.Read(file).Channels);
        Assert.Equal(("imu", "26", "replay"), (channel.Channel.Topic, channel.Channel.Metadata["sampleRateHz"], channel.Channel.Metadata["driver"]));
    }

    [Fact]
    public void Start_Twice_RefusesTheSecond()
    {
        using var fixture = new RecordingFixture(ImmediateScheduler.Instance);
        fixture.Recorder.Start();

        var error = Assert.Throws<InvalidOperationException>(() => fixture.Recorder.Start());

        Assert.Contains("already recording", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnknownSensor_NamesTheSensors()
    {
        using var fixture = new RecordingFixture(ImmediateScheduler.Instance);

        var error = Assert.Throws<KeyNotFoundException>(() => fixture.Recorder.Start(["camera"]));

        Assert.Equal("no sensor 'camera'; sensors: imu", error.Message);
        Assert.False(fixture.Recorder.Status.Recording);
    }

    [Fact]
    public void Stop_NotRecording_ReportsNothingRecording()
    {
        using var fixture = new RecordingFixture(ImmediateScheduler.Instance);

        var status = fixture.Recorder.Stop();

        Assert.False(status.Recording);
        Assert.Empty(status.Files);
    }

    [Fact]
    public async Task StartStopStart_ReusesTheRecorderConsumerAndWritesASecondFile()
    {
        using var fixture = new RecordingFixture(null, RecordingFixture.ImuReplay("imu", RecordingFixture.Walking, asFastAsPossible: false));
        fixture.Recorder.Start();
        fixture.Recorder.Stop();
        fixture.Time.Advance(TimeSpan.FromSeconds(1));

        var second = fixture.Recorder.Start();
        fixture.Recorder.Stop();

        Assert.Single(second.Files);
        Assert.Equal(2, Directory.GetFiles(fixture.Folder, McapRecorder.FilePattern).Length);
        var sensor = Assert.Single(fixture.Sensors.Hub.Sensors);
        Assert.Equal(["recorder"], sensor.Consumers.Select(c => c.Name));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Start_RecorderBehind_DropsOldestAndCountsWithoutSlowingTheSensor()
    {
        // The recorder's thread is a scheduler nobody runs: every frame waits, and past 4096 the oldest drop.
        var stalled = new System.Reactive.Concurrency.HistoricalScheduler();
        using var fixture = new RecordingFixture(stalled, RecordingFixture.ImuReplay("imu", "data/imu/stm32-har", asFastAsPossible: true));
        var samples = 0L;
        var sensor = fixture.Sensors.Hub.Get<ImuSample>("imu");
        var probe = sensor.Consume("probe", DeliveryPolicy.DropOldest(1), ImmediateScheduler.Instance);
        using var counting = probe.Frames.Subscribe(_ => Interlocked.Increment(ref samples));

        fixture.Recorder.Start();
        for (var waited = 0; waited < 60_000 && Interlocked.Read(ref samples) < 10_000; waited += 20)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var recorderCounter = sensor.Consumers.Single(c => c.Name == "recorder").Counter;
        Assert.True(Interlocked.Read(ref samples) >= 10_000);
        Assert.True(recorderCounter.Dropped > 0);
        var stopped = fixture.Recorder.Stop();
        Assert.Equal(0, stopped.Frames["imu"]);
        Assert.True(stopped.Dropped["imu"] > 0);
    }
}
