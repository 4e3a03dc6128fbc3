using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using System.Text;
using MQTTnet;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

/// <summary>The outbox on disk: what a restart finds, torn writes, segments, and a disk it cannot use.</summary>
public sealed class OutboxDurableTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _folder.Dispose();

    private Outbox Open(long maxBytes = 1 << 20, long segmentBytes = 1 << 20, string? folder = null) =>
        Outbox.Open(
            new OutboxOptions { MaxBytes = maxBytes, SegmentBytes = segmentBytes },
            folder ?? Path.Combine(_folder.Path, "outbox"),
            _time,
            NullLogger<Outbox>.Instance);

    private static MqttApplicationMessage Event(int n) =>
        new MqttApplicationMessageBuilder().WithTopic("e/app").WithPayload($"{{\"sequence\":{n}}}").WithContentType("application/json").Build();

    private static List<string> Drain(Outbox outbox)
    {
        var payloads = new List<string>();
        while (outbox.TryTakeEvent(out var record))
        {
            payloads.Add(Encoding.UTF8.GetString(record.ToMessage().Payload));
            outbox.Acknowledge(record.Id);
        }

        return payloads;
    }

    [Fact]
    public void Open_AfterAStopWithUnacknowledgedEvents_ReturnsThemFirstInOrder()
    {
        using (var first = Open())
        {
            for (var i = 0; i < 10; i++)
            {
                first.Enqueue(Event(i));
            }

            for (var i = 0; i < 4; i++)
            {
                first.TryTakeEvent(out var record);
                first.Acknowledge(record.Id);
            }

            Assert.True(first.IsDurable);
        }

        using var second = Open();
        second.Enqueue(Event(10));

        Assert.Equal(6, second.Recovered);
        Assert.Equal(Enumerable.Range(4, 7).Select(i => $"{{\"sequence\":{i}}}"), Drain(second));
    }

    [Fact]
    public void Open_AfterAKill_SendsAgainWhatWasNotRecordedAsAcknowledged()
    {
        var first = Open(); // never disposed: as if killed (its acknowledgements are not saved yet)
        for (var i = 0; i < 5; i++)
        {
            first.Enqueue(Event(i));
        }

        first.TryTakeEvent(out var sent);
        first.Acknowledge(sent.Id);
        ReleaseLock(first);

        using var second = Open();

        Assert.Equal(5, second.Recovered); // at least once: the acknowledged one comes again
    }

    [Fact]
    public void Open_SavedAcknowledgement_IsNotSentAgain()
    {
        var first = Open();
        for (var i = 0; i < 5; i++)
        {
            first.Enqueue(Event(i));
        }

        first.TryTakeEvent(out var sent);
        first.Acknowledge(sent.Id);
        _time.Advance(TimeSpan.FromSeconds(1)); // the periodic save
        ReleaseLock(first);

        using var second = Open();

        Assert.Equal(4, second.Recovered);
    }

    [Fact]
    public void Open_TornTail_CutsItAndKeepsTheRecordsBefore()
    {
        using (var first = Open())
        {
            first.Enqueue(Event(0));
            first.Enqueue(Event(1));
        }

        var segment = Directory.GetFiles(Path.Combine(_folder.Path, "outbox"), "*.seg").Single();
        var intact = new FileInfo(segment).Length;
        var torn = OutboxRecord.Create(3, Event(2)).Frame[..20]; // a write cut short by a crash
        using (var stream = new FileStream(segment, FileMode.Append))
        {
            stream.Write(torn);
        }

        using var second = Open();

        Assert.Equal(2, second.Recovered);
        Assert.Equal(intact, new FileInfo(segment).Length);
        Assert.Equal(["{\"sequence\":0}", "{\"sequence\":1}"], Drain(second));
    }

    [Fact]
    public void Open_RecordWithBadCrc_IsTakenForTheTornTail()
    {
        using (var first = Open())
        {
            first.Enqueue(Event(0));
            first.Enqueue(Event(1));
        }

        var segment = Directory.GetFiles(Path.Combine(_folder.Path, "outbox"), "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[^1] ^= 0xFF; // the second record's last payload byte
        File.WriteAllBytes(segment, bytes);

        using var second = Open();

        Assert.Equal(["{\"sequence\":0}"], Drain(second));
    }

    [Fact]
    public void Acknowledge_AllOfFullSegments_DeletesThemAtTheNextSave()
    {
        using var outbox = Open(maxBytes: 1 << 20, segmentBytes: 64 * 1024);
        var folder = Path.Combine(_folder.Path, "outbox");
        for (var i = 0; i < 10_000; i++)
        {
            outbox.Enqueue(Event(i));
        }

        Assert.True(Directory.GetFiles(folder, "*.seg").Length > 3);

        Drain(outbox);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(Directory.GetFiles(folder, "*.seg")); // the one being written
    }

    [Fact]
    public void Open_MoreOnDiskThanMaxBytes_DropsTheOldestAndCounts()
    {
        using (var first = Open(maxBytes: 1 << 20))
        {
            for (var i = 0; i < 100; i++)
            {
                first.Enqueue(Event(i));
            }
        }

        var size = OutboxRecord.Create(1, Event(99)).Size;
        using var second = Open(maxBytes: 10 * size);

        Assert.Equal(90, second.Dropped);
        Assert.Equal("{\"sequence\":90}", Drain(second)[0]);
    }

    [Fact]
    public void Open_FolderUnderARegularFile_ReportsAndKeepsEventsInMemory()
    {
        var file = Path.Combine(_folder.Path, "file.txt");
        File.WriteAllText(file, "not a folder");

        using var outbox = Open(folder: Path.Combine(file, "outbox"));
        outbox.Enqueue(Event(0));
        _time.Advance(TimeSpan.FromSeconds(30)); // the periodic work does not throw either

        Assert.False(outbox.IsDurable);
        Assert.Contains("file.txt", outbox.DiskProblem, StringComparison.Ordinal);
        Assert.Equal(["{\"sequence\":0}"], Drain(outbox));
    }

    [Fact]
    public void Open_FolderInUseByAnotherOutbox_ReportsAndKeepsEventsInMemory()
    {
        using var first = Open();
        using var second = Open();

        second.Enqueue(Event(0));

        Assert.True(first.IsDurable);
        Assert.False(second.IsDurable);
        Assert.Contains("in use", second.DiskProblem, StringComparison.Ordinal);
        Assert.Equal(1, second.Count);
    }

    [Fact]
    public void Enqueue_AfterTheFolderIsGone_ReportsOnceAndRecoversWhenItIsBack()
    {
        var folder = Path.Combine(_folder.Path, "outbox");
        using var outbox = Open(segmentBytes: 64 * 1024);
        outbox.Enqueue(Event(0));
        Directory.Delete(folder, recursive: true);

        for (var i = 1; i < 3000; i++)
        {
            outbox.Enqueue(Event(i)); // fills the segment: the next one cannot be created
        }

        Assert.False(outbox.IsDurable);
        Assert.Equal(3000, outbox.Count);

        Directory.CreateDirectory(folder);
        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.True(outbox.IsDurable);
        Assert.Null(outbox.DiskProblem);
        var onDisk = Directory.GetFiles(folder, "*.seg").Sum(path => new FileInfo(path).Length);
        Assert.Equal(outbox.Bytes, onDisk);
    }

    // A killed process leaves its files as they are; only its lock goes with it.
    private static void ReleaseLock(Outbox outbox)
    {
        var log = typeof(Outbox).GetField("_log", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        ((SegmentLog)log.GetValue(outbox)!).Dispose();
    }
}
