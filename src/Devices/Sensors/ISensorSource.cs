namespace Sensact.Devices.Sensors;

/// <summary>
/// A source of sensor frames: a real sensor, a simulator or a replay of a recording.
/// </summary>
/// <remarks>
/// <see cref="Frames"/> is cold: each subscription opens the sensor and disposing the subscription
/// releases it. A source that fails ends its stream with <c>OnError</c>; reopening is the caller's
/// choice (the sensor hub reopens with backoff). Sequence numbers start at 0 for each
/// subscription; the hub renumbers frames so that they keep counting across reopens.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
public interface ISensorSource<T>
{
    /// <summary>Gets the id stamped on every frame of this source (the sensor's configured name).</summary>
    string Id { get; }

    /// <summary>Gets the stream of frames; each subscription opens the sensor anew.</summary>
    IObservable<Frame<T>> Frames { get; }
}
