namespace Sensact.Devices;

/// <summary>
/// One message on a sensor stream: a payload with the time it was sensed, the source that sensed it
/// and its position in that source's sequence.
/// </summary>
/// <remarks>
/// <see cref="OriginatingTime"/> is when the data was sensed (device clock, or the scene clock of a
/// simulated or replayed source), not when the frame object was created. Latency is measured
/// against it.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
/// <param name="Payload">The sensed data.</param>
/// <param name="OriginatingTime">When the data was sensed.</param>
/// <param name="SourceId">The id of the source that produced the frame.</param>
/// <param name="Sequence">The frame's sequence number within its source, starting at 0.</param>
public readonly record struct Frame<T>(T Payload, DateTimeOffset OriginatingTime, string SourceId, long Sequence);
