using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Sensact.Agent.Mqtt;

/// <summary>The outbox's bound, its periodic disk work (fsync, the acknowledged position, old segments) and disk failures.</summary>
internal sealed partial class Outbox
{
    // Under _gate: keeps a record, dropping the oldest ones (handed out or not) while the bound is passed.
    private void Keep(OutboxRecord record)
    {
        if (record.Size > _options.MaxBytes)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        while (_bytes + record.Size > _options.MaxBytes)
        {
            var oldest = _inFlight.TryDequeue(out var sent) ? sent : _unsent.Dequeue();
            Interlocked.Add(ref _bytes, -oldest.Size);
            Interlocked.Increment(ref _dropped);
        }

        _unsent.Enqueue(record);
        Interlocked.Add(ref _bytes, record.Size);
    }

    // Under _gate: every id up to this one needs no sending (acknowledged, or dropped).
    private long Position() =>
        _inFlight.TryPeek(out var sent) ? sent.Id - 1
        : _unsent.TryPeek(out var unsent) ? unsent.Id - 1
        : _nextId - 1;

    // Under _gate (or in the constructor).
    private void Fail(string reason)
    {
        _diskFailedAt = _time.GetTimestamp();
        if (DiskProblem is not null)
        {
            return;
        }

        DiskProblem = reason;
        LogDiskFailed(reason, _options.MaxBytes);
    }

    private void Tick()
    {
        if (!_saveGate.TryEnter())
        {
            return; // the previous tick is still at work
        }

        try
        {
            if (DiskProblem is not null)
            {
                RetryDisk();
                return;
            }

            SavePosition(flushData: _options.Fsync == OutboxFsync.Interval);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                Fail($"cannot write to '{Folder}': {ex.Message}");
            }
        }
        finally
        {
            _saveGate.Exit();
        }
    }

    // Under _saveGate: flushes the segment being written (when asked), records the acknowledged
    // position when it moved, and deletes the segments it has passed.
    private void SavePosition(bool flushData)
    {
        long position;
        SafeFileHandle? active;
        lock (_gate)
        {
            if (_log is null || DiskProblem is not null)
            {
                return;
            }

            position = Position();
            active = _log.Active;
        }

        if (flushData && active is not null)
        {
            SegmentLog.FlushToDisk(active);
        }

        if (position == _savedPosition)
        {
            return;
        }

        AckFile.Write(Folder!, position, _options.Fsync == OutboxFsync.Always);
        _savedPosition = position;
        lock (_gate)
        {
            _log.DeleteThrough(position);
        }
    }

    // Under _saveGate: a failed disk is tried again now and then by writing all that is queued afresh.
    private void RetryDisk()
    {
        lock (_gate)
        {
            if (_log is null || _disposed || _time.GetElapsedTime(_diskFailedAt) < DiskRetryInterval)
            {
                return;
            }

            try
            {
                _log.Rewrite([.. _inFlight, .. _unsent], _nextId);
                DiskProblem = null;
                _savedPosition = -1;
                LogDiskRecovered(Folder!, _inFlight.Count + _unsent.Count);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _diskFailedAt = _time.GetTimestamp();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reopened the outbox in {Folder}: {Count} unacknowledged event(s), {Bytes} bytes, to send first; {Torn} byte(s) of a torn write cut off; {Dropped} dropped to fit Mqtt:Outbox:MaxBytes")]
    private partial void LogReopened(string folder, int count, long bytes, long torn, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox cannot use its disk ({Reason}); events are kept in memory only (up to {MaxBytes} bytes, Mqtt:Outbox:MaxBytes) and are lost if the agent stops before the broker has them")]
    private partial void LogDiskFailed(string reason, long maxBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outbox writes to {Folder} again; {Count} queued event(s) written to disk")]
    private partial void LogDiskRecovered(string folder, int count);
}
