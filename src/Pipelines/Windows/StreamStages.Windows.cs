using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Pipelines.Payloads;
using Sensact.Pipelines.Windows;

namespace Sensact.Pipelines;

public static partial class StreamStages
{
    /// <summary>
    /// Cuts a frame stream into windows of <paramref name="size"/> consecutive frames, a new window
    /// every <paramref name="hop"/> frames, without allocating per frame or per window.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A window holds the last <paramref name="size"/> frames received and ends at a frame whose
    /// <see cref="Frame{T}.Sequence"/> <c>s</c> satisfies <c>(s + 1 - size) % hop == 0</c>: windows
    /// are aligned on the sensor's sequence numbers, so every consumer of one shared sensor cuts the
    /// same windows, however late it subscribed. They overlap when <paramref name="hop"/> is less
    /// than <paramref name="size"/>, and frames between windows are skipped when it is greater. When
    /// a delivery policy dropped the frame a window should end at, the window ends at the next frame
    /// received. A frame of another <see cref="Frame{T}.Segment"/> (the sensor was reopened after a
    /// failure) starts the window again: no window joins frames from both sides of an outage.
    /// </para>
    /// <para>
    /// Frames are kept in one ring of <paramref name="size"/> slots and copied, when a window is
    /// complete, into one window buffer that every window of the subscription reuses; see
    /// <see cref="SensorWindow{T}"/> for how long a window may be read. No partial window is emitted
    /// at completion; errors pass through. Pooled payloads stay referenced by the stage while their
    /// frame is in the ring and are released when it leaves (see <see cref="Sensact.Devices.Buffers.SharedBuffer{T}"/>);
    /// a window's reader must <c>AddRef</c> what it keeps.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="source">The frames.</param>
    /// <param name="size">Frames per window; at least 1.</param>
    /// <param name="hop">Frames from the start of one window to the start of the next; at least 1.</param>
    /// <returns>The windows, with sequence numbers from 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> or <paramref name="hop"/> is less than 1.</exception>
    public static IObservable<SensorWindow<T>> SlidingWindows<T>(this IObservable<Frame<T>> source, int size, int hop)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hop, 1);

        return Observable.Create<SensorWindow<T>>(observer =>
        {
            var ring = new Frame<T>[size];
            var window = new WindowBuffer<T>(new Frame<T>[size]);
            var next = 0; // the ring slot the next frame goes to; after a write it is the oldest frame's slot
            var seen = 0L;
            var windows = 0L;
            int? segment = null;
            var end = -1L; // the sequence number the next window ends at; -1 until the first is known
            var release = PayloadOwnership<T>.ReleaseOrNull;

            // Pooled payloads: the stage holds the reference of every frame in the ring and releases
            // it when the frame leaves the ring (or the ring is emptied at a gap or the end).
            void ReleaseRing()
            {
                for (var i = 0; release is not null && i < Math.Min(seen, size); i++)
                {
                    release(ring[i]);
                }
            }

            var subscription = source.Subscribe(
                frame =>
                {
                    if (release is null)
                    {
                        Add(frame);
                        return;
                    }

                    // Disposal may come from another thread while a frame arrives: one of them owns the ring at a time.
                    lock (ring)
                    {
                        if (seen < 0)
                        {
                            release(frame);
                            return;
                        }

                        Add(frame);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
            return release is null
                ? subscription
                : StableCompositeDisposable.Create(subscription, Disposable.Create(() =>
                {
                    lock (ring)
                    {
                        ReleaseRing();
                        seen = -1;
                    }
                }));

            void Add(Frame<T> frame)
            {
                if (frame.Segment != segment)
                {
                    ReleaseRing();
                    segment = frame.Segment;
                    seen = 0;
                    next = 0;
                    end = -1;
                }

                if (release is not null && seen >= size)
                {
                    release(ring[next]);
                }

                ring[next] = frame;
                next = next + 1 == size ? 0 : next + 1;
                seen++;
                if (seen < size)
                {
                    return;
                }

                // The first aligned end at or after this frame; after a window, the next one after it.
                if (end < 0)
                {
                    end = frame.Sequence + ((((size - 1 - frame.Sequence) % hop) + hop) % hop);
                }

                if (frame.Sequence < end)
                {
                    return;
                }

                while (end <= frame.Sequence)
                {
                    end += hop;
                }

                window.Invalidate();
                Array.Copy(ring, next, window.Frames, 0, size - next);
                Array.Copy(ring, 0, window.Frames, size - next, next);
                observer.OnNext(new SensorWindow<T>(window, windows++));
            }
        });
    }
}
