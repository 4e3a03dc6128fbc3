namespace Sensact.Devices.Recording;

/// <summary>
/// Turns a frame into the data of an MCAP message and back, bit-exact, under one schema
/// (<see cref="SchemaName"/>; the layouts are in docs/recording.md).
/// </summary>
/// <remarks>
/// The data starts with the frame's full <see cref="Frame{T}.Sequence"/> (int64) and
/// <see cref="Frame{T}.Segment"/> (int32), little-endian, then the payload. The originating time
/// travels as the message's log time, the source id as the channel's topic.
/// </remarks>
/// <typeparam name="T">The payload type.</typeparam>
public interface IFrameCodec<T>
{
    /// <summary>Gets the schema's name, for example <c>sensact.ImuSample/v1</c>.</summary>
    string SchemaName { get; }

    /// <summary>Gets the schema's text, written as the Schema record's data: the layout, field by field.</summary>
    string SchemaText { get; }

    /// <summary>Gets how many bytes <paramref name="frame"/> takes.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The data length.</returns>
    int DataLength(in Frame<T> frame);

    /// <summary>Writes <paramref name="frame"/>; it keeps its payload (a pooled one is not released).</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="data">Exactly <see cref="DataLength"/> bytes.</param>
    void Write(in Frame<T> frame, Span<byte> data);

    /// <summary>Reads a frame; a pooled payload is rented, and the caller holds its reference.</summary>
    /// <param name="data">A message's data.</param>
    /// <param name="sourceId">The frame's source id.</param>
    /// <param name="originatingTime">The frame's originating time.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InvalidDataException">The data does not hold a frame of this schema.</exception>
    Frame<T> Read(ReadOnlySpan<byte> data, string sourceId, DateTimeOffset originatingTime);
}
