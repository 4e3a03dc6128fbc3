using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Pipelines.Delivery;

namespace Sensact.Pipelines;

public static partial class StreamStages
{
    /// <summary>
    /// Hands items to the consumer on <paramref name="scheduler"/> through a small bounded buffer, so
    /// that a slow consumer never blocks the producer: what does not fit is dropped as
    /// <paramref name="policy"/> names, and counted.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The producer's <c>OnNext</c> only takes a lock, updates the buffer and, when no drain is running,
    /// schedules one; the drain hands pending items to the consumer one at a time, oldest first, until
    /// the buffer is empty. Items waiting in the buffer are "pending"; an item the consumer is already
    /// processing is not. <see cref="DeliveryMode.LatestOnly"/> and <see cref="DeliveryMode.Throttle"/>
    /// keep one pending item; <see cref="DeliveryMode.DropOldest"/> and <see cref="DeliveryMode.DropNewest"/>
    /// keep up to <see cref="DeliveryPolicy.Capacity"/>. Throttle measures <see cref="DeliveryPolicy.Interval"/>
    /// on the scheduler's clock from the arrival of the last item it let through; an item arriving
    /// exactly <see cref="DeliveryPolicy.Interval"/> later passes.
    /// </para>
    /// <para>
    /// <c>OnCompleted</c> and <c>OnError</c> are delivered after the pending items: an error drops
    /// nothing, because the items before it are valid data. Disposing the subscription unsubscribes
    /// from the source and discards pending items without counting them as dropped (nobody is left to
    /// deliver to).
    /// </para>
    /// <para>
    /// The default scheduler is <see cref="TaskPoolScheduler.Default"/>: the drain already serializes
    /// delivery, so a dedicated thread per boundary (an <see cref="EventLoopScheduler"/>) would only
    /// cost memory on small devices; pass one when the consumer must own a thread. One scheduled drain
    /// runs until the buffer is empty, so a consumer that never catches up keeps one thread busy,
    /// never more. With <see cref="ImmediateScheduler"/> the consumer runs on the producer's thread
    /// (inline delivery: nothing is queued unless the consumer re-enters, so nothing is dropped).
    /// Handing an item on allocates nothing, except what the scheduler allocates to schedule a drain
    /// when none is running (none for the immediate scheduler).
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The producer.</param>
    /// <param name="policy">What to drop when the consumer falls behind; its values are copied now.</param>
    /// <param name="counter">Counts delivered and dropped items; <c>null</c> to count nothing.</param>
    /// <param name="scheduler">Where the consumer is called, and the clock of <see cref="DeliveryMode.Throttle"/>.</param>
    /// <param name="onDropped">
    /// Called (under the stage's lock, so keep it short) with every item the policy drops and every
    /// pending item discarded at disposal: how a stream of pooled payloads releases what it drops.
    /// </param>
    /// <returns>The items the policy kept, on <paramref name="scheduler"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="policy"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="policy"/> is not valid (see <see cref="DeliveryPolicy.Validate"/>).</exception>
    public static IObservable<T> Deliver<T>(
        this IObservable<T> source, DeliveryPolicy policy, DropCounter? counter = null, IScheduler? scheduler = null, Action<T>? onDropped = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = policy.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Delivery policy {policy} is not valid: {string.Join(" ", errors)}", nameof(policy));
        }

        var mode = policy.Mode;
        var capacity = mode is DeliveryMode.DropOldest or DeliveryMode.DropNewest ? policy.Capacity : 1;
        var interval = policy.Interval;
        var clock = scheduler ?? TaskPoolScheduler.Default;
        var inline = clock is ImmediateScheduler;

        return Observable.Create<T>(observer =>
        {
            var gate = new Lock();
            // Bounded by the policy: nothing is enqueued while Count == capacity.
            var pending = new Queue<T>(Math.Min(capacity, 64));
            Exception? error = null;
            var completed = false;
            var draining = false;
            var disposed = false;
            DateTimeOffset? throttleOpensAt = null;
            var drain = new SerialDisposable();
            Action drainAction = Drain;

            // Hands the drain to the scheduler, or runs it at once on the immediate scheduler, whose
            // Schedule would allocate a trampoline per call (17 times slower per item).
            void StartDrain()
            {
                if (inline)
                {
                    Drain();
                }
                else
                {
                    drain.Disposable = clock.Schedule(drainAction);
                }
            }

            void Drain()
            {
                while (true)
                {
                    T item;
                    lock (gate)
                    {
                        if (disposed)
                        {
                            return;
                        }

                        if (!pending.TryDequeue(out item!))
                        {
                            draining = false;
                            if (error is null && !completed)
                            {
                                return;
                            }

                            // The terminal notification is delivered once; nothing follows it.
                            disposed = true;
                            break;
                        }
                    }

                    counter?.AddDelivered();
                    observer.OnNext(item);
                }

                if (error is not null)
                {
                    observer.OnError(error);
                }
                else
                {
                    observer.OnCompleted();
                }
            }

            void ScheduleDrainLocked(ref bool schedule)
            {
                if (!draining)
                {
                    draining = true;
                    schedule = true;
                }
            }

            void OnNext(T value)
            {
                var schedule = false;
                var direct = false;

                // Inline and not re-entrant: the producer's thread is the only one that touches the
                // drain flag, the queue's additions and the terminal state (Rx serializes its calls),
                // so the item goes straight on without the lock; a disposal on another thread only
                // sets the flag read here. Throttle keeps its clock under the lock.
                if (inline && !draining && mode != DeliveryMode.Throttle && pending.Count == 0)
                {
                    if (Volatile.Read(ref disposed) || completed || error is not null)
                    {
                        onDropped?.Invoke(value);
                        return;
                    }

                    draining = true;
                    direct = true;
                }
                else
                {
                    lock (gate)
                    {
                        if (disposed || completed || error is not null)
                        {
                            onDropped?.Invoke(value);
                            return;
                        }

                        if (mode == DeliveryMode.Throttle)
                        {
                            var now = clock.Now;
                            if (now < throttleOpensAt)
                            {
                                counter?.AddDropped();
                                onDropped?.Invoke(value);
                                return;
                            }

                            throttleOpensAt = now + interval;
                        }

                        if (pending.Count == capacity)
                        {
                            counter?.AddDropped();
                            if (mode == DeliveryMode.DropNewest)
                            {
                                onDropped?.Invoke(value);
                                return;
                            }

                            // LatestOnly and Throttle replace their one pending item; DropOldest evicts the oldest.
                            var evicted = pending.Dequeue();
                            onDropped?.Invoke(evicted);
                        }

                        if (inline && !draining && pending.Count == 0)
                        {
                            // Inline delivery with nothing pending: hand the item straight on (below),
                            // then let the drain deliver what the consumer's re-entrant calls queued.
                            draining = true;
                            direct = true;
                        }
                        else
                        {
                            pending.Enqueue(value);
                            ScheduleDrainLocked(ref schedule);
                        }
                    }
                }

                if (direct)
                {
                    counter?.AddDelivered();
                    observer.OnNext(value);

                    // Inline, only the producer's thread queues items or ends the stream (Rx serializes
                    // its calls), so what the consumer's re-entrant calls left is visible here without
                    // the lock; a disposal on another thread only empties the queue.
                    if (pending.Count == 0 && error is null && !completed)
                    {
                        draining = false;
                    }
                    else
                    {
                        Drain();
                    }
                }
                else if (schedule)
                {
                    // Outside the lock: an immediate scheduler would otherwise drain under the producer's lock.
                    StartDrain();
                }
            }

            void OnTerminal(Exception? failure)
            {
                var schedule = false;
                lock (gate)
                {
                    if (disposed || completed || error is not null)
                    {
                        return;
                    }

                    error = failure;
                    completed = failure is null;
                    ScheduleDrainLocked(ref schedule);
                }

                if (schedule)
                {
                    StartDrain();
                }
            }

            var upstream = source.Subscribe(OnNext, e => OnTerminal(e), () => OnTerminal(null));
            return new CompositeDisposable(
                upstream,
                Disposable.Create(() =>
                {
                    lock (gate)
                    {
                        disposed = true;
                        while (pending.TryDequeue(out var discarded))
                        {
                            onDropped?.Invoke(discarded);
                        }
                    }
                }),
                drain);
        });
    }
}
