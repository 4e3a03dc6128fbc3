using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Pipelines.Windows;

namespace Sensact.Pipelines;

public static partial class StreamStages
{
    /// <summary>
    /// Cuts a frame stream into windows of <paramref name="size"/> consecutive frames, a new window
    /// every <paramref name="hop"/> frames.
    /// </summary>
    /// <remarks>
    /// Window <c>n</c> holds frames <c>n * hop</c> to <c>n * hop + size - 1</c> (counted from the first
    /// frame after subscription), so windows overlap when <paramref name="hop"/> is less than
    /// <paramref name="size"/> and frames between windows are skipped when it is greater. Frames are
    /// kept in one ring of <paramref name="size"/> slots and copied once, into the window's own array,
    /// when the window is complete. No partial window is emitted at completion; errors pass through.
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
            var next = 0; // the ring slot the next frame goes to; after a write it is the oldest frame's slot
            var seen = 0L;
            var windows = 0L;
            return source.Subscribe(
                frame =>
                {
                    ring[next] = frame;
                    next = next + 1 == size ? 0 : next + 1;
                    seen++;
                    if (seen < size || (seen - size) % hop != 0)
                    {
                        return;
                    }

                    var frames = new Frame<T>[size];
                    Array.Copy(ring, next, frames, 0, size - next);
                    Array.Copy(ring, 0, frames, size - next, next);
                    observer.OnNext(new SensorWindow<T>(frames, windows++));
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }
}
