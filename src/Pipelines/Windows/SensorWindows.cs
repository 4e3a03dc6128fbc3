using Sensact.Devices;

namespace Sensact.Pipelines.Windows;

/// <summary>Makes <see cref="SensorWindow{T}"/>s outside the windowing stage.</summary>
public static class SensorWindows
{
    /// <summary>Makes a window of its own from <paramref name="frames"/> (for windows cut by other means, and tests).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="frames">The frames, oldest first; at least one. The window keeps a copy.</param>
    /// <param name="sequence">The window's sequence number.</param>
    /// <returns>The window, valid for as long as it is kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="frames"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="frames"/> is empty.</exception>
    public static SensorWindow<T> FromFrames<T>(IEnumerable<Frame<T>> frames, long sequence)
    {
        ArgumentNullException.ThrowIfNull(frames);
        Frame<T>[] copy = [.. frames];
        return copy.Length == 0
            ? throw new ArgumentException("A window holds at least one frame.", nameof(frames))
            : new SensorWindow<T>(new WindowBuffer<T>(copy), sequence);
    }
}
