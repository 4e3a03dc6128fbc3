using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// The outbox's files: append-only segments named after their first record's id
/// (<c>00000000000000000042.seg</c>), the acknowledged position (<see cref="AckFile"/>), and a lock
/// file that keeps a second agent out. Not thread-safe: <see cref="Outbox"/> calls it under its lock
/// (only <see cref="FlushToDisk"/> may run beside an append).
/// </summary>
internal sealed class SegmentLog : IDisposable
{
    private const string Extension = ".seg";
    private readonly string _folder;
    private readonly long _segmentBytes;
    private readonly FileStream _lock;
    private readonly List<(long First, long Last, string Path)> _closed = [];
    private SafeFileHandle? _active;
    private string? _activePath;
    private long _activeFirst;
    private long _activeLast;
    private long _activeLength;

    private SegmentLog(string folder, long segmentBytes, FileStream lockFile)
    {
        _folder = folder;
        _segmentBytes = segmentBytes;
        _lock = lockFile;
    }

    /// <summary>Gets the folder of the log.</summary>
    public string Folder => _folder;

    /// <summary>Gets the highest id on disk when the log was opened, or the acknowledged position if higher.</summary>
    public long LastId { get; private set; }

    /// <summary>Gets the acknowledged position read at open.</summary>
    public long Acknowledged { get; private set; }

    /// <summary>Gets the bytes cut off the segments at open because they did not hold an intact record (a torn write).</summary>
    public long TornBytes { get; private set; }

    /// <summary>
    /// Opens (creating if needed) the log in <paramref name="folder"/>, cuts any torn tail off, deletes the
    /// segments that hold nothing unacknowledged, and returns the unacknowledged records in order.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be created or read, or another agent uses it.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or its files may not be written.</exception>
    public static SegmentLog Open(string folder, long segmentBytes, out List<OutboxRecord> pending)
    {
        Directory.CreateDirectory(folder);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(folder, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"the outbox folder '{folder}' is in use by another agent ({ex.Message})", ex);
        }

        var log = new SegmentLog(folder, segmentBytes, lockFile);
        try
        {
            pending = log.Recover();
            return log;
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    private List<OutboxRecord> Recover()
    {
        Acknowledged = AckFile.Read(_folder);
        var last = Acknowledged;
        var pending = new List<OutboxRecord>();
        var segments = Directory.EnumerateFiles(_folder, "*" + Extension)
            .Select(path => (Path: path, First: long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : -1))
            .Where(segment => segment.First >= 0)
            .OrderBy(segment => segment.First)
            .ToList();
        foreach (var (path, first) in segments)
        {
            var data = File.ReadAllBytes(path);
            var offset = 0;
            var segmentLast = -1L;
            while (offset < data.Length && OutboxRecord.TryRead(data.AsSpan(offset), out var record))
            {
                offset += record.Size;
                segmentLast = Math.Max(segmentLast, record.Id);
                if (record.Id > last)
                {
                    // Ids only grow; a lower one was already read from an older segment (rewritten after a disk failure).
                    last = record.Id;
                    pending.Add(record);
                }
            }

            if (offset < data.Length)
            {
                TornBytes += data.Length - offset;
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
                RandomAccess.SetLength(handle, offset);
            }

            if (segmentLast <= Acknowledged)
            {
                File.Delete(path);
            }
            else
            {
                _closed.Add((first, segmentLast, path));
            }
        }

        LastId = last;
        return pending;
    }

    /// <summary>Appends <paramref name="record"/>, starting a new segment when the current one is full.</summary>
    /// <exception cref="IOException">The write failed (a full disk); the segment may end in a torn record, cut off at the next open.</exception>
    public void Append(OutboxRecord record, bool flushToDisk)
    {
        if (_active is null || (_activeLength > 0 && _activeLength + record.Size > _segmentBytes))
        {
            StartSegment(record.Id, flushToDisk: true);
        }

        RandomAccess.Write(_active!, record.Frame, _activeLength);
        _activeLength += record.Size;
        _activeLast = record.Id;
        if (flushToDisk)
        {
            RandomAccess.FlushToDisk(_active!);
        }
    }

    /// <summary>Gets the segment being written, for <see cref="FlushToDisk"/> outside the outbox's lock.</summary>
    public SafeFileHandle? Active => _active;

    /// <summary>Flushes <paramref name="handle"/> (the active segment when taken) to the disk; a segment closed meanwhile was flushed when closed.</summary>
    public static void FlushToDisk(SafeFileHandle handle)
    {
        try
        {
            RandomAccess.FlushToDisk(handle);
        }
        catch (ObjectDisposedException)
        {
            // Rotated meanwhile: closing flushed it.
        }
    }

    /// <summary>Deletes the closed segments whose every record is at or below <paramref name="done"/>.</summary>
    public void DeleteThrough(long done)
    {
        while (_closed.Count > 0 && _closed[0].Last <= done)
        {
            File.Delete(_closed[0].Path);
            _closed.RemoveAt(0);
        }
    }

    /// <summary>
    /// After a failed write: writes <paramref name="records"/> (everything still queued) into a fresh
    /// segment and deletes every older one.
    /// </summary>
    /// <exception cref="IOException">The disk still refuses.</exception>
    public void Rewrite(IReadOnlyCollection<OutboxRecord> records, long nextId)
    {
        CloseActive(flushToDisk: false, keep: true);
        var old = _closed.ToList();
        _closed.Clear();
        try
        {
            StartSegment(records.Count > 0 ? records.First().Id : nextId, flushToDisk: false);
            foreach (var record in records)
            {
                Append(record, flushToDisk: false);
            }

            RandomAccess.FlushToDisk(_active!);
        }
        catch
        {
            CloseActive(flushToDisk: false, keep: false);
            _closed.InsertRange(0, old);
            throw;
        }

        // A new segment may have taken an old one's name (the same first id): that file is new now.
        var current = _closed.Select(segment => segment.Path).Append(_activePath).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, _, path) in old.Where(segment => !current.Contains(segment.Path)))
        {
            File.Delete(path);
        }
    }

    private void StartSegment(long firstId, bool flushToDisk)
    {
        CloseActive(flushToDisk, keep: true);
        var path = Path.Combine(_folder, firstId.ToString("D20", CultureInfo.InvariantCulture) + Extension);
        _active = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _activePath = path;
        _activeFirst = firstId;
        _activeLast = firstId - 1;
        _activeLength = 0;
    }

    private void CloseActive(bool flushToDisk, bool keep)
    {
        if (_active is null)
        {
            return;
        }

        try
        {
            if (flushToDisk)
            {
                RandomAccess.FlushToDisk(_active);
            }
        }
        finally
        {
            _active.Dispose();
            _active = null;
            if (keep && _activeLength > 0)
            {
                _closed.Add((_activeFirst, _activeLast, _activePath!));
            }
        }
    }

    /// <summary>Flushes (when asked) and closes the segment being written and releases the folder.</summary>
    public void Close(bool flushToDisk)
    {
        try
        {
            CloseActive(flushToDisk, keep: true);
        }
        finally
        {
            _lock.Dispose();
        }
    }

    public void Dispose() => Close(flushToDisk: false);
}
