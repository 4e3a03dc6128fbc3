using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// What waits for the broker. Events (QoS 1) are kept in order in a <see cref="SegmentLog"/> on disk
/// and in memory, bounded in bytes: when full the oldest is dropped and counted. Control messages
/// (command replies, telemetry) wait in a small memory queue that is sent ahead of the events. The
/// sender takes events in order, publishes several at once, and acknowledges them in order; only
/// acknowledged events leave the outbox (at least once). Producers never block on the broker: a disk
/// that fails is reported and the events are kept in memory up to the bound.
/// </summary>
internal sealed partial class Outbox : IDisposable
{
    private const int ControlCapacity = 1024;
    private static readonly TimeSpan DiskRetryInterval = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly Lock _saveGate = new();
    private readonly Queue<OutboxRecord> _inFlight = new();
    private Queue<OutboxRecord> _unsent = new();
    private readonly Queue<MqttApplicationMessage> _control = new();
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer? _timer;
    private readonly SegmentLog? _log;
    private TaskCompletionSource _available = NewSignal();
    private long _nextId = 1;
    private long _bytes;
    private long _dropped;
    private long _enqueued;
    private long _savedPosition = -1;
    private long _diskFailedAt;
    private bool _disposed;

    /// <summary>Creates an outbox in memory only that holds at most <paramref name="maxBytes"/> bytes of events.</summary>
    public Outbox(long maxBytes)
        : this(new OutboxOptions { Durable = false, MaxBytes = maxBytes }, null, TimeProvider.System, NullLogger.Instance)
    {
    }

    private Outbox(OutboxOptions options, string? folder, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, 1);
        _options = options;
        _time = time;
        _logger = logger;
        if (folder is null)
        {
            return;
        }

        Folder = folder;
        try
        {
            _log = SegmentLog.Open(folder, options.SegmentBytes, out var pending);
            _nextId = _log.LastId + 1;
            _savedPosition = _log.Acknowledged;
            foreach (var record in pending)
            {
                Keep(record);
            }

            Recovered = pending.Count;
            if (Recovered > 0 || _log.TornBytes > 0)
            {
                LogReopened(folder, Recovered, _bytes, _log.TornBytes, _dropped);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail($"cannot open '{folder}': {ex.Message}");
        }

        _timer = time.CreateTimer(_ => Tick(), null, options.FsyncInterval, options.FsyncInterval);
    }

    /// <summary>Opens the outbox that <paramref name="options"/> describe, reopening what an earlier run left on disk.</summary>
    public static Outbox Open(OutboxOptions options, string? folder, TimeProvider time, ILogger<Outbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Outbox(options, options.Durable ? folder : null, time, logger);
    }

    /// <summary>Gets the folder of the segment files, or null in memory only.</summary>
    public string? Folder { get; }

    /// <summary>Gets whether events are being written to disk now.</summary>
    public bool IsDurable => _log is not null && DiskProblem is null;

    /// <summary>Gets why the disk is not used (it could not be opened or a write failed), or null.</summary>
    public string? DiskProblem { get; private set; }

    /// <summary>Gets how many events were found on disk, unacknowledged, when the outbox was opened.</summary>
    public int Recovered { get; }

    /// <summary>Gets how many events were dropped because the outbox was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets how many messages (events and control messages) were ever queued.</summary>
    public long Enqueued => Interlocked.Read(ref _enqueued);

    /// <summary>Gets the bytes of events held.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Gets how many messages are waiting (or awaiting the broker's acknowledgement).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count + _unsent.Count + _control.Count;
            }
        }
    }

    /// <summary>Queues an event, on disk and in memory, dropping the oldest ones when the outbox is full.</summary>
    public void Enqueue(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TaskCompletionSource signal;
        lock (_gate)
        {
            var record = OutboxRecord.Create(_nextId++, message);
            Interlocked.Increment(ref _enqueued);
            if (_log is not null && DiskProblem is null && !_disposed)
            {
                try
                {
                    _log.Append(record, _options.Fsync == OutboxFsync.Always);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Fail($"cannot write to '{_log.Folder}': {ex.Message}");
                }
            }

            Keep(record);
            signal = _available;
        }

        signal.TrySetResult();
    }

    /// <summary>Queues a command reply or telemetry ahead of the events (in memory; the oldest is dropped past 1,024).</summary>
    public void EnqueueControl(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_control.Count == ControlCapacity)
            {
                _control.Dequeue();
            }

            _control.Enqueue(message);
            Interlocked.Increment(ref _enqueued);
            signal = _available;
        }

        signal.TrySetResult();
    }

    /// <summary>Returns the next message that would be sent (a control message first) without taking it.</summary>
    public bool TryPeek(out MqttApplicationMessage message)
    {
        lock (_gate)
        {
            if (_control.TryPeek(out message!))
            {
                return true;
            }

            if (_unsent.TryPeek(out var record))
            {
                message = record.ToMessage();
                return true;
            }

            return false;
        }
    }

    /// <summary>Returns the oldest control message without removing it.</summary>
    public bool TryPeekControl(out MqttApplicationMessage message)
    {
        lock (_gate)
        {
            return _control.TryPeek(out message!);
        }
    }

    /// <summary>Removes <paramref name="message"/> once sent, if it is still the oldest control message.</summary>
    public void RemoveControl(MqttApplicationMessage message)
    {
        lock (_gate)
        {
            if (_control.TryPeek(out var head) && ReferenceEquals(head, message))
            {
                _control.Dequeue();
            }
        }
    }

    /// <summary>Takes the oldest event not yet handed out; it stays in the outbox until <see cref="Acknowledge"/>.</summary>
    public bool TryTakeEvent(out OutboxRecord record)
    {
        lock (_gate)
        {
            if (!_unsent.TryDequeue(out record))
            {
                return false;
            }

            _inFlight.Enqueue(record);
            return true;
        }
    }

    /// <summary>Removes every handed-out event up to <paramref name="id"/>: the broker has them.</summary>
    public void Acknowledge(long id)
    {
        lock (_gate)
        {
            while (_inFlight.TryPeek(out var record) && record.Id <= id)
            {
                _inFlight.Dequeue();
                Interlocked.Add(ref _bytes, -record.Size);
            }
        }
    }

    /// <summary>Puts the handed-out, unacknowledged events back in front (the connection broke): they are sent again.</summary>
    public void Rewind()
    {
        lock (_gate)
        {
            if (_inFlight.Count == 0)
            {
                return;
            }

            var all = new Queue<OutboxRecord>(_inFlight.Count + _unsent.Count);
            foreach (var record in _inFlight.Concat(_unsent))
            {
                all.Enqueue(record);
            }

            _inFlight.Clear();
            _unsent = all;
        }
    }

    /// <summary>Completes when at least one message waits to be taken.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_unsent.Count > 0 || _control.Count > 0)
            {
                return Task.CompletedTask;
            }

            if (_available.Task.IsCompleted)
            {
                _available = NewSignal();
            }

            return _available.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        lock (_saveGate)
        {
            SavePosition(flushData: _options.Fsync != OutboxFsync.Never);
            _log?.Close(flushToDisk: false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
