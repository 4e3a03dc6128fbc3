using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Sensors;
using Sensact.Agent.Tests.Configuration;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Delivery;

namespace Sensact.Agent.Tests.Recording;

/// <summary>The agent records its IMU replay, then a sensor declared on the file replays it: the same frames, bit-exact.</summary>
public sealed class RecordReplayRoundTripTests
{
    [Fact]
    public async Task RecordThenReplay_ImuReplay_SameFramesNumbersAndTimes()
    {
        using var fixture = new RecordingFixture();
        var walking = ImuCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, RecordingFixture.Walking)).Samples;

        // The recorder opens the sensor, so it sees every frame; a witness attached after it sees the
        // frames from then on as every consumer gets them (times included).
        var file = Assert.Single(fixture.Recorder.Start().Files);
        var witnessed = new List<Frame<ImuSample>>();
        var live = fixture.Sensors.Hub.Get<ImuSample>("imu").Consume("witness", DeliveryPolicy.DropOldest(100_000), ImmediateScheduler.Instance);
        using (live.Frames.Subscribe(frame => { lock (witnessed) { witnessed.Add(frame); } }))
        {
            await fixture.WaitForFramesAsync("imu", walking.Count);
        }

        fixture.Recorder.Stop();

        // A second agent's sensor, declared on the recording: the replay driver picks the MCAP format
        // by the path and the channel by the sensor's name.
        using var replaying = new AgentSensors(
            Configurations.Of(RecordingFixture.ImuReplay("imu", file, asFastAsPossible: true)),
            NullLoggerFactory.Instance);
        Assert.Empty(replaying.Problems);
        var replayed = new List<Frame<ImuSample>>();
        var done = new TaskCompletionSource();
        var consumer = replaying.Hub.Get<ImuSample>("imu").Consume("check", DeliveryPolicy.DropOldest(100_000), ImmediateScheduler.Instance);
        using var subscription = consumer.Frames.Subscribe(replayed.Add, error => done.TrySetException(error), () => done.TrySetResult());
        await done.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        // Every sample of the replayed CSV, bit-exact, numbered as the live sensor numbered them, at the
        // live replay's times (26 Hz from its start).
        Assert.Equal(walking.Count, replayed.Count);
        var offsetOf = ReplayPacing.FixedRate(26);
        for (var i = 0; i < replayed.Count; i++)
        {
            Assert.Equal(Bits(walking[i]), Bits(replayed[i].Payload));
            Assert.Equal((i, 0, "imu"), (replayed[i].Sequence, replayed[i].Segment, replayed[i].SourceId));
            Assert.Equal(offsetOf(i), replayed[i].OriginatingTime - replayed[0].OriginatingTime);
        }

        // The frames the witness saw come back identical, times included. On a loaded machine the
        // replay (as fast as possible) can end before the witness attaches; the witness then opens the
        // sensor again, a second pass in segment 1 that was never recorded.
        lock (witnessed)
        {
            foreach (var seen in witnessed.Where(frame => frame.Segment == 0))
            {
                var again = replayed[(int)seen.Sequence];
                Assert.Equal(Bits(seen.Payload), Bits(again.Payload));
                Assert.Equal((seen.Sequence, seen.Segment, seen.OriginatingTime), (again.Sequence, again.Segment, again.OriginatingTime));
            }
        }

        Assert.Equal(26, Assert.IsType<McapReplaySource<ImuSample>>(replaying.Hub.Get<ImuSample>("imu").Source).SampleRateHz);
    }

    [Fact]
    public void Declare_RecordingWithoutTheSensorsChannel_NamesTheChannelsFound()
    {
        using var folder = new TempFolderForAgent();
        var path = Path.Combine(folder.Path, "r.mcap");
        using (var stream = File.Create(path))
        using (var writer = new McapWriter(stream))
        {
            writer.AddChannel(writer.AddSchema(FrameCodecs.Imu.SchemaName, FrameCodecs.Encoding, []), "wrist", FrameCodecs.Encoding);
            writer.WriteMessage(0, 0, 1, 1, new byte[37]);
        }

        using var sensors = new AgentSensors(Configurations.Of(RecordingFixture.ImuReplay("imu", path, asFastAsPossible: false)), NullLoggerFactory.Instance);

        var problem = Assert.Single(sensors.Problems);
        Assert.Equal("Sensors:imu:Channel: the recording has no channel 'imu'; channels found: 'wrist' (sensact.ImuSample/v1, 1 messages).", problem);
    }

    [Fact]
    public void Declare_NotAnMcapFile_SaysWhy()
    {
        using var folder = new TempFolderForAgent();
        var path = Path.Combine(folder.Path, "r.mcap");
        File.WriteAllText(path, "t,ax,ay,az");

        using var sensors = new AgentSensors(Configurations.Of(RecordingFixture.ImuReplay("imu", path, asFastAsPossible: false)), NullLoggerFactory.Instance);

        Assert.Contains("Sensors:imu:Path: '", Assert.Single(sensors.Problems), StringComparison.Ordinal);
        Assert.Contains("Not an MCAP file", sensors.Problems[0], StringComparison.Ordinal);
    }

    private static (int, int, int, bool) Bits(ImuSample sample) => (
        BitConverter.SingleToInt32Bits(sample.Acceleration.X),
        BitConverter.SingleToInt32Bits(sample.Acceleration.Y),
        BitConverter.SingleToInt32Bits(sample.Acceleration.Z),
        sample.AngularVelocity.HasValue);

    private sealed class TempFolderForAgent : IDisposable
    {
        public TempFolderForAgent() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sensact-tests", Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
