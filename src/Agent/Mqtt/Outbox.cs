using MQTTnet;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// The bounded store of messages waiting for the broker. Producers never block: when it is full
/// the oldest message is dropped and counted. The sender peeks, publishes, and only then removes,
/// so a message that was being published when the connection broke is sent again after
/// reconnecting (at least once).
/// </summary>
internal sealed class Outbox
{
    private readonly Lock _gate = new();
    private readonly Queue<MqttApplicationMessage> _queue = new();
    private readonly int _capacity;
    private TaskCompletionSource _available = NewSignal();
    private long _dropped;
    private long _enqueued;

    /// <summary>Creates an outbox that holds at most <paramref name="capacity"/> messages.</summary>
    public Outbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Gets how many messages were dropped because the outbox was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets how many messages were ever queued.</summary>
    public long Enqueued => Interlocked.Read(ref _enqueued);

    /// <summary>Gets how many messages are waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues a message, dropping the oldest one when the outbox is full.</summary>
    public void Enqueue(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_queue.Count == _capacity)
            {
                _queue.Dequeue();
                Interlocked.Increment(ref _dropped);
            }

            _queue.Enqueue(message);
            Interlocked.Increment(ref _enqueued);
            signal = _available;
        }

        signal.TrySetResult();
    }

    /// <summary>Returns the oldest waiting message without removing it.</summary>
    public bool TryPeek(out MqttApplicationMessage message)
    {
        lock (_gate)
        {
            return _queue.TryPeek(out message!);
        }
    }

    /// <summary>Removes <paramref name="message"/> if it is still the oldest (it may have been dropped meanwhile).</summary>
    public void Remove(MqttApplicationMessage message)
    {
        lock (_gate)
        {
            if (_queue.TryPeek(out var head) && ReferenceEquals(head, message))
            {
                _queue.Dequeue();
            }
        }
    }

    /// <summary>Completes when at least one message is waiting.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_queue.Count > 0)
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
