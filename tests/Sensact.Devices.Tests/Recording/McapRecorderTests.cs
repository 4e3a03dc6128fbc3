using Microsoft.Extensions.Time.Testing;
using Sensact.Devices.Buffers;
using Sensact.Devices.Recording;

namespace Sensact.Devices.Tests.Recording;

public sealed class McapRecorderTests
{
    [Fact]
    public void Constructor_InvalidOptions_NamesTheKeys()
    {
        var error = Assert.Throws<ArgumentException>("options", () => new McapRecorder(new RecordingOptions { MaxFileBytes = 10, MaxTotalBytes = 5, Directory = " " }));

        Assert.Contains("MaxFileBytes must be at least 65536 (got 10).", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTotalBytes must be at least MaxFileBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Directory must name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TwoStreams_OneFileWithBothChannelsAndEveryFrame()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(McapFiles.T0);
        var pool = new BufferPool<float>();
        string file;
        using (var recorder = new McapRecorder(Options(folder), time))
        {
            var imu = recorder.AddChannel("imu", FrameCodecs.Imu, new Dictionary<string, string> { ["sampleRateHz"] = "26" });
            var mic = recorder.AddChannel("mic", FrameCodecs.Audio());
            for (var i = 0; i < 100; i++)
            {
                Assert.True(recorder.Write(imu, McapFiles.Imu(i)));
                var chunk = McapFiles.Audio(pool, i);
                Assert.True(recorder.Write(mic, chunk));
                chunk.Payload.Release(); // the recorder does not take the caller's reference
            }

            file = Assert.Single(recorder.Files);
            Assert.Equal(200, recorder.Written);
        }

        Assert.Equal(0, pool.Rented - pool.Returned);
        var summary = McapSummary.Read(file);
        Assert.False(summary.Truncated);
        Assert.Equal(["imu", "mic"], summary.Channels.Select(c => c.Channel.Topic));
        Assert.All(summary.Channels, c => Assert.Equal(100, c.Messages));
        Assert.Equal("sensact.AudioChunk/v1", summary.Find("mic")!.Schema!.Name);
        Assert.StartsWith("sensact-20260101T000000.000Z-", Path.GetFileName(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PastMaxFileBytes_RotatesAndNoFileExceedsTheLimit()
    {
        using var folder = new TempFolder();
        var options = Options(folder);
        options.MaxFileBytes = RecordingOptions.MinFileBytes;
        using var recorder = new McapRecorder(options, new FakeTimeProvider(McapFiles.T0));
        var imu = recorder.AddChannel("imu", FrameCodecs.Imu);

        for (var i = 0; i < 5000; i++)
        {
            recorder.Write(imu, McapFiles.Imu(i));
        }

        recorder.CloseFile();

        Assert.True(recorder.Files.Count >= 5, $"{recorder.Files.Count} files");
        Assert.All(recorder.Files, f => Assert.True(new FileInfo(f).Length <= options.MaxFileBytes, $"{f}: {new FileInfo(f).Length} bytes"));
        // Every frame is in exactly one file, in order.
        var sequences = recorder.Files.SelectMany(ReadImuSequences).ToList();
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i), sequences);
    }

    [Fact]
    public void Write_AfterMaxFileDuration_OpensTheNextFile()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(McapFiles.T0);
        var options = Options(folder);
        options.MaxFileDuration = TimeSpan.FromSeconds(10);
        using var recorder = new McapRecorder(options, time);
        var imu = recorder.AddChannel("imu", FrameCodecs.Imu);

        for (var i = 0; i < 26 * 25; i++)
        {
            recorder.Write(imu, McapFiles.Imu(i));
            time.Advance(TimeSpan.FromTicks(384_615));
        }

        recorder.CloseFile();

        Assert.Equal(3, recorder.Files.Count); // 0-10 s, 10-20 s, 20-25 s
        Assert.Equal(26 * 25, recorder.Files.Sum(f => McapSummary.Read(f).Channels.Single().Messages));
    }

    [Fact]
    public void Write_PastMaxTotalBytes_DeletesTheOldestFiles()
    {
        using var folder = new TempFolder();
        var stranger = folder.Write("notes.mcap", "not ours: never deleted");
        var options = Options(folder);
        options.MaxFileBytes = RecordingOptions.MinFileBytes;
        options.MaxTotalBytes = 3 * RecordingOptions.MinFileBytes;
        using var recorder = new McapRecorder(options, new FakeTimeProvider(McapFiles.T0));
        var imu = recorder.AddChannel("imu", FrameCodecs.Imu);

        for (var i = 0; i < 10_000; i++)
        {
            recorder.Write(imu, McapFiles.Imu(i));
        }

        recorder.CloseFile();

        var left = Directory.GetFiles(folder.Path, McapRecorder.FilePattern);
        Assert.True(left.Sum(f => new FileInfo(f).Length) <= options.MaxTotalBytes);
        Assert.Equal(left.Order(StringComparer.Ordinal), recorder.Files.Order(StringComparer.Ordinal));
        Assert.Equal(9_999, ReadImuSequences(recorder.Files[^1]).Last()); // the newest frames are kept
        Assert.NotEqual(0, ReadImuSequences(recorder.Files[0]).First()); // the oldest are gone
        Assert.True(File.Exists(stranger));
    }

    [Fact]
    public void Write_FrameLargerThanAFile_IsNotWrittenAndCounted()
    {
        using var folder = new TempFolder();
        var options = Options(folder);
        options.MaxFileBytes = RecordingOptions.MinFileBytes;
        using var recorder = new McapRecorder(options, new FakeTimeProvider(McapFiles.T0));
        var mic = recorder.AddChannel("mic", FrameCodecs.Audio());
        var pool = new BufferPool<float>();
        var huge = McapFiles.Audio(pool, 0, samples: 64 * 1024);

        Assert.False(recorder.Write(mic, huge));

        Assert.Equal(1, recorder.Oversized);
        Assert.Empty(recorder.Files);
        huge.Payload.Release();
    }

    [Fact]
    public void Write_BeforeTheUnixEpoch_Throws()
    {
        using var folder = new TempFolder();
        using var recorder = new McapRecorder(Options(folder), new FakeTimeProvider(McapFiles.T0));
        var imu = recorder.AddChannel("imu", FrameCodecs.Imu);

        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Write(imu, McapFiles.Imu(0) with { OriginatingTime = DateTimeOffset.MinValue }));
    }

    private static RecordingOptions Options(TempFolder folder) => new() { Directory = folder.Path, MaxFileBytes = 1024 * 1024, MaxTotalBytes = 64 * 1024 * 1024 };

    private static IEnumerable<long> ReadImuSequences(string file)
    {
        using var reader = McapReader.Open(file);
        var sequences = new List<long>();
        while (reader.TryReadMessage(out var message))
        {
            sequences.Add(FrameCodecs.Imu.Read(message.Data.Span, "imu", McapTime.ToTime(message.LogTime)).Sequence);
        }

        return sequences;
    }
}
