using System.Buffers.Binary;

namespace Sensact.Devices.Recording;

/// <summary>The 12 bytes every Sensact message starts with: the frame's sequence (int64) and segment (int32).</summary>
internal static class FrameHeader
{
    public const int Length = 12;

    public static Span<byte> Write(long sequence, int segment, Span<byte> data)
    {
        BinaryPrimitives.WriteInt64LittleEndian(data, sequence);
        BinaryPrimitives.WriteInt32LittleEndian(data[8..], segment);
        return data[Length..];
    }

    public static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> data, string schema, int payloadLength, out long sequence, out int segment)
    {
        if (data.Length < Length + payloadLength)
        {
            throw new InvalidDataException($"A {schema} message has {data.Length} bytes; it needs at least {Length + payloadLength}.");
        }

        sequence = BinaryPrimitives.ReadInt64LittleEndian(data);
        segment = BinaryPrimitives.ReadInt32LittleEndian(data[8..]);
        return data[Length..];
    }
}
