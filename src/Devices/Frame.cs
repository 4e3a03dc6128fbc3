namespace Sensact.Devices;

/// <summary>
/// One message on a sensor stream: a payload with the time it was sensed, the source that sensed it
/// and its position in that source's sequence.
/// </summary>
/// <remarks>
/// <see cref="OriginatingTime"/> is when the data was sensed (device clock, or the scene clock of a
/// simulated or replayed source), not when the frame object was created. Latency is measured
/// against it. <see cref="Segment"/> tells contiguous runs apart: a shared sensor that is reopened
/// after a failure keeps counting <see cref="Sequence"/> but starts a new segment, so stages that
/// join consecutive frames (windows) never join frames from both sides of an outage.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
/// <param name="Payload">The sensed data.</param>
/// <param name="OriginatingTime">When the data was sensed.</param>
/// <param name="SourceId">The id of the source that produced the frame.</param>
/// <param name="Sequence">The frame's sequence number within its source, starting at 0.</param>
/// <param name="Segment">Which opening of the sensor produced the frame: frames of one segment are contiguous.</param>
public readonly record struct Frame<T>(T Payload, DateTimeOffset OriginatingTime, string SourceId, long Sequence, int Segment = 0);
