using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;
using Sensact.Devices.Replay;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Recording;

public sealed class McapReplaySourceTests
{
    private static readonly DateTimeOffset ReplayStart = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_MissingChannel_NamesTheChannelsFound()
    {
        using var folder = new TempFolder();
        var path = WriteImu(folder, 10);

        var error = Assert.Throws<ArgumentException>("options", () => new McapReplaySource<ImuSample>("wrist", Options(path), FrameCodecs.Imu));

        Assert.Contains("no channel 'wrist'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'imu' (sensact.ImuSample/v1, 10 messages)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SchemaOfAnotherPayload_Throws() =>
        Assert.Throws<ArgumentException>("codec", () =>
        {
            using var folder = new TempFolder();
            return new McapReplaySource<AudioChunk>("imu", Options(WriteImu(folder, 3)), FrameCodecs.Audio());
        });

    [Fact]
    public void Constructor_ChannelKey_PicksAnotherTopicAndReadsItsRate()
    {
        using var folder = new TempFolder();
        var options = Options(WriteImu(folder, 10));
        options.Channel = "imu";

        var source = new McapReplaySource<ImuSample>("wrist", options, FrameCodecs.Imu);

        Assert.Equal("imu", source.Channel);
        Assert.Equal(26, source.SampleRateHz);
        Assert.Equal(10, source.Messages);
    }

    [Fact]
    public void Frames_PacedInVirtualTime_SameFramesWithTheSameRelativeTimes()
    {
        using var folder = new TempFolder();
        var path = WriteImu(folder, 200);
        var scheduler = new HistoricalScheduler(ReplayStart);
        var source = new McapReplaySource<ImuSample>("imu", Options(path), FrameCodecs.Imu, scheduler);

        var recorder = source.Frames.Record(scheduler);
        scheduler.Start();

        Assert.True(recorder.Completed);
        var frames = recorder.Values;
        Assert.Equal(200, frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            var recorded = McapFiles.Imu(i);
            Assert.Equal(recorded.Payload, frames[i].Payload);
            Assert.Equal(recorded.Sequence, frames[i].Sequence);
            Assert.Equal(recorded.OriginatingTime - McapFiles.T0, frames[i].OriginatingTime - ReplayStart);
            Assert.Equal(frames[i].OriginatingTime, recorder.ValueTimes[i]);
        }
    }

    [Fact]
    public void Frames_AtSpeedFactor_TimesShrinkByTheFactor()
    {
        using var folder = new TempFolder();
        var options = Options(WriteImu(folder, 27));
        options.SpeedFactor = 2;
        var scheduler = new HistoricalScheduler(ReplayStart);

        var recorder = new McapReplaySource<ImuSample>("imu", options, FrameCodecs.Imu, scheduler).Frames.Record(scheduler);
        scheduler.Start();

        Assert.Equal(TimeSpan.FromTicks(384_615 * 26 / 2), recorder.ValueTimes[^1] - recorder.ValueTimes[0]);
    }

    [Fact]
    public void Frames_AsFastAsPossible_StampsExactlyTheRecordedTimes()
    {
        using var folder = new TempFolder();
        var options = Options(WriteImu(folder, 10_000));
        options.AsFastAsPossible = true;
        var scheduler = new HistoricalScheduler(ReplayStart);

        var recorder = new McapReplaySource<ImuSample>("imu", options, FrameCodecs.Imu, scheduler).Frames.Record(scheduler);
        scheduler.Start();

        Assert.Equal(10_000, recorder.Values.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => McapFiles.Imu(i).OriginatingTime), recorder.Values.Select(f => f.OriginatingTime));
        Assert.Equal(ReplayStart, recorder.ValueTimes[^1]); // no virtual time passed
    }

    [Fact]
    public void Frames_Looping_KeepsNumbersAndTimesGrowingWithANewSegmentPerPass()
    {
        using var folder = new TempFolder();
        var options = Options(WriteImu(folder, 5));
        options.Loop = true;
        options.AsFastAsPossible = true;
        var scheduler = new HistoricalScheduler(ReplayStart);
        var source = new McapReplaySource<ImuSample>("imu", options, FrameCodecs.Imu, scheduler);

        var recorder = source.Frames.Take(ReplayPacing.Batch + 3).Record(scheduler);
        scheduler.Start();

        var frames = recorder.Values;
        Assert.Equal(ReplayPacing.Batch + 3, frames.Count);
        Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (long)i), frames.Select(f => f.Sequence));
        Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => i / 5), frames.Select(f => f.Segment));
        Assert.All(frames.Zip(frames.Skip(1)), pair => Assert.True(pair.Second.OriginatingTime > pair.First.OriginatingTime));
        Assert.Equal(McapFiles.Imu(5).OriginatingTime, frames[5].OriginatingTime); // one period after the last of the first pass
    }

    [Fact]
    public void Frames_TruncatedRecording_PlaysUpToTheCut()
    {
        using var folder = new TempFolder();
        var whole = McapFiles.ImuFile(100);
        var path = Path.Combine(folder.Path, "cut.mcap");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
        var scheduler = new HistoricalScheduler(ReplayStart);

        var recorder = new McapReplaySource<ImuSample>("imu", Options(path), FrameCodecs.Imu, scheduler).Frames.Record(scheduler);
        scheduler.Start();

        Assert.True(recorder.Completed);
        Assert.InRange(recorder.Values.Count, 40, 60);
        Assert.Equal(Enumerable.Range(0, recorder.Values.Count).Select(i => McapFiles.Imu(i).Payload), recorder.Values.Select(f => f.Payload));
    }

    [Fact]
    public void Frames_PooledPayloads_AreTheCallersAndTheOneReadAheadIsReleasedOnDispose()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "mic.mcap");
        var writePool = new BufferPool<float>();
        using (var stream = File.Create(path))
        using (var writer = new McapWriter(stream))
        {
            var codec = FrameCodecs.Audio();
            var channel = writer.AddChannel(writer.AddSchema(codec.SchemaName, FrameCodecs.Encoding, []), "mic", FrameCodecs.Encoding);
            for (var i = 0; i < 10; i++)
            {
                var frame = McapFiles.Audio(writePool, i);
                codec.Write(frame, writer.BeginMessage(channel, (uint)i, McapTime.ToNanoseconds(frame.OriginatingTime), 0, codec.DataLength(frame)));
                frame.Payload.Release();
            }
        }

        var readPool = new BufferPool<float>();
        var scheduler = new HistoricalScheduler(ReplayStart);
        var source = new McapReplaySource<AudioChunk>("mic", Options(path), FrameCodecs.Audio(readPool), scheduler);
        var received = new List<Frame<AudioChunk>>();
        var subscription = source.Frames.Subscribe(received.Add);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(32 * 4));

        Assert.Equal(5, received.Count);
        Assert.Equal(6, readPool.Rented); // five emitted and one read ahead
        subscription.Dispose();
        received.ForEach(frame => frame.Payload.Release());
        Assert.Equal(readPool.Rented, readPool.Returned);
    }

    private static ReplayOptions Options(string path) => new() { Path = path, Loop = false };

    private static string WriteImu(TempFolder folder, int count)
    {
        var path = Path.Combine(folder.Path, "imu.mcap");
        File.WriteAllBytes(path, McapFiles.ImuFile(count));
        return path;
    }
}
