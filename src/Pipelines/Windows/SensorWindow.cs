using Sensact.Devices;

namespace Sensact.Pipelines.Windows;

/// <summary>A run of consecutive frames from one source, cut by a sliding-window stage.</summary>
/// <typeparam name="T">The payload type.</typeparam>
/// <param name="Frames">The frames, oldest first; never empty.</param>
/// <param name="Sequence">The window's position in the windowed stream, starting at 0.</param>
public sealed record SensorWindow<T>(IReadOnlyList<Frame<T>> Frames, long Sequence)
{
    /// <summary>Gets the originating time of the first frame.</summary>
    public DateTimeOffset Start => Frames[0].OriginatingTime;

    /// <summary>Gets the originating time of the last frame: the window is complete at this moment.</summary>
    public DateTimeOffset End => Frames[^1].OriginatingTime;

    /// <summary>Gets the source id of the frames.</summary>
    public string SourceId => Frames[0].SourceId;
}
