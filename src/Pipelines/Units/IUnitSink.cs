using Sensact.Devices;

namespace Sensact.Pipelines.Units;

/// <summary>What a <see cref="UnitCutter{T}"/> tells its owner, without a delegate per call.</summary>
internal interface IUnitSink<T>
{
    /// <summary>A frame of <paramref name="window"/> was accepted.</summary>
    void OnFrame(long window, DateTimeOffset time);

    /// <summary>A unit is complete; the frames are valid only during the call.</summary>
    void OnUnit(long window, int index, ReadOnlySpan<Frame<T>> frames);

    /// <summary>No more units of <paramref name="window"/> will come.</summary>
    void OnWindowComplete(long window, int units);

    /// <summary>A frame was dropped: it belongs to a window already complete.</summary>
    void OnLateFrame(long window);
}
