namespace Sensact.Devices.Recording;

/// <summary>An MCAP Message record as a reader returns it.</summary>
/// <param name="ChannelId">The channel the message belongs to.</param>
/// <param name="Sequence">The message's sequence number (32 bits in MCAP).</param>
/// <param name="LogTime">When the data was sensed, in nanoseconds since the Unix epoch.</param>
/// <param name="PublishTime">When the message was written, in nanoseconds since the Unix epoch.</param>
/// <param name="Data">The message's bytes; valid until the reader reads the next record.</param>
public readonly record struct McapMessage(ushort ChannelId, uint Sequence, ulong LogTime, ulong PublishTime, ReadOnlyMemory<byte> Data);
