using Sensact.Devices;

namespace Sensact.Pipelines.Units;

/// <summary>
/// One unit of one modality (a few consecutive frames inside one decision window and one segment),
/// or the news that a window is complete; cut by <see cref="StreamStages.Units{T}"/>.
/// </summary>
/// <remarks>
/// Like <see cref="Windows.SensorWindow{T}"/>, a unit is a view onto the stage's buffer: valid only
/// while the <c>OnNext</c> that delivered it runs. Reading it later throws
/// <see cref="InvalidOperationException"/> instead of showing another unit's frames.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
public readonly struct SensingUnit<T>
{
    private readonly UnitBuffer<T>? _buffer;
    private readonly long _version;

    internal SensingUnit(UnitKind kind, long window, int index, DateTimeOffset windowStart, DateTimeOffset windowEnd, UnitBuffer<T>? buffer)
    {
        Kind = kind;
        Window = window;
        Index = index;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        _buffer = buffer;
        _version = buffer?.Version ?? 0;
    }

    /// <summary>Gets whether this is a unit or a window's completion.</summary>
    public UnitKind Kind { get; }

    /// <summary>Gets the index of the decision window (see <see cref="WindowPlan.IndexOf"/>).</summary>
    public long Window { get; }

    /// <summary>Gets the unit's position in its window, from 0; for <see cref="UnitKind.WindowComplete"/>, how many units the window had.</summary>
    public int Index { get; }

    /// <summary>Gets the window's start.</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>Gets the window's end (exclusive).</summary>
    public DateTimeOffset WindowEnd { get; }

    /// <summary>Gets the unit's frames, oldest first; empty for <see cref="UnitKind.WindowComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The unit was read after its <c>OnNext</c> returned.</exception>
    public ReadOnlySpan<Frame<T>> Frames
    {
        get
        {
            if (_buffer is null)
            {
                return [];
            }

            return _buffer.Version != _version
                ? throw new InvalidOperationException(
                    $"Unit {Index} of window {Window} was read after its OnNext returned; its buffer now holds a later unit.")
                : _buffer.Frames.AsSpan(0, _buffer.Count);
        }
    }
}
