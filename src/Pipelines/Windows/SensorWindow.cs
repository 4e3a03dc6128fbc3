using Sensact.Devices;

namespace Sensact.Pipelines.Windows;

/// <summary>
/// A run of consecutive frames from one source, cut by <see cref="StreamStages.SlidingWindows{T}"/>:
/// a view onto the stage's own buffer, so that cutting windows allocates nothing.
/// </summary>
/// <remarks>
/// Lifetime: a window is valid only while the <c>OnNext</c> that delivered it runs; the stage
/// reuses the buffer for the next window. Read it there (as a classifier does), or keep a
/// <see cref="Copy"/>. A window read after its buffer was reused throws
/// <see cref="InvalidOperationException"/> instead of showing another window's frames.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
public readonly struct SensorWindow<T>
{
    private readonly WindowBuffer<T> _buffer;
    private readonly long _version;

    internal SensorWindow(WindowBuffer<T> buffer, long sequence)
    {
        _buffer = buffer;
        _version = buffer.Version;
        Sequence = sequence;
    }

    /// <summary>Gets the window's position in the windowed stream, starting at 0.</summary>
    public long Sequence { get; }

    /// <summary>Gets the frames, oldest first; never empty.</summary>
    /// <exception cref="InvalidOperationException">The window's buffer has been reused for a later window.</exception>
    public ReadOnlySpan<Frame<T>> Frames
    {
        get
        {
            if (_buffer is null || _buffer.Version != _version)
            {
                throw new InvalidOperationException(
                    $"Window {Sequence} was read after its OnNext returned; its buffer now holds a later window. Keep a Copy() to read it later.");
            }

            return _buffer.Frames;
        }
    }

    /// <summary>Gets how many frames the window holds.</summary>
    public int Count => Frames.Length;

    /// <summary>Gets the originating time of the first frame.</summary>
    public DateTimeOffset Start => Frames[0].OriginatingTime;

    /// <summary>Gets the originating time of the last frame: the window is complete at this moment.</summary>
    public DateTimeOffset End => Frames[^1].OriginatingTime;

    /// <summary>Gets the source id of the frames.</summary>
    public string SourceId => Frames[0].SourceId;

    /// <summary>Copies the window into a buffer of its own, valid for as long as it is kept.</summary>
    /// <returns>The copy.</returns>
    public SensorWindow<T> Copy() => new(new WindowBuffer<T>(Frames.ToArray()), Sequence);
}
