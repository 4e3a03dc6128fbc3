using System.Buffers.Binary;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;

namespace Sensact.Devices.Recording;

/// <summary><c>sensact.ImageFrame/v1</c>: width, height, format, stride, byte count, then the pixel bytes as they are.</summary>
internal sealed class ImageFrameCodec(BufferPool<byte> pool) : IFrameCodec<ImageFrame>
{
    private const int FieldsLength = 4 + 4 + 1 + 4 + 4;

    public string SchemaName => "sensact.ImageFrame/v1";

    public string SchemaText =>
        "little-endian; int64 sequence; int32 segment; int32 width; int32 height; uint8 format (0 = Rgb24, 1 = Gray8); int32 stride (bytes per row); " +
        "int32 byte_count; uint8 pixels[byte_count] (rows top to bottom, the buffer as captured)";

    public int DataLength(in Frame<ImageFrame> frame) => FrameHeader.Length + FieldsLength + frame.Payload.Pixels.Length;

    public void Write(in Frame<ImageFrame> frame, Span<byte> data)
    {
        var image = frame.Payload;
        data = FrameHeader.Write(frame.Sequence, frame.Segment, data);
        BinaryPrimitives.WriteInt32LittleEndian(data, image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(data[4..], image.Height);
        data[8] = FormatCode(image.Format);
        BinaryPrimitives.WriteInt32LittleEndian(data[9..], image.Stride);
        BinaryPrimitives.WriteInt32LittleEndian(data[13..], image.Pixels.Length);
        image.Pixels.Span.CopyTo(data[FieldsLength..]);
    }

    public Frame<ImageFrame> Read(ReadOnlySpan<byte> data, string sourceId, DateTimeOffset originatingTime)
    {
        var payload = FrameHeader.Read(data, SchemaName, FieldsLength, out var sequence, out var segment);
        var width = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var height = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var format = payload[8] switch
        {
            0 => ImagePixelFormat.Rgb24,
            1 => ImagePixelFormat.Gray8,
            var code => throw new InvalidDataException($"A {SchemaName} message has pixel format {code}; known: 0 (Rgb24), 1 (Gray8)."),
        };
        var stride = BinaryPrimitives.ReadInt32LittleEndian(payload[9..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(payload[13..]);
        var bytes = payload[FieldsLength..];
        if (count != bytes.Length)
        {
            throw new InvalidDataException($"A {SchemaName} message says {count} pixel bytes and holds {bytes.Length}.");
        }

        var pixels = pool.Rent(count);
        bytes.CopyTo(pixels.Span);
        try
        {
            return new Frame<ImageFrame>(new ImageFrame(width, height, format, stride, pixels), originatingTime, sourceId, sequence, segment);
        }
        catch (ArgumentException error)
        {
            pixels.Release();
            throw new InvalidDataException($"A {SchemaName} message does not describe an image: {error.Message}", error);
        }
    }

    private static byte FormatCode(ImagePixelFormat format) => format switch
    {
        ImagePixelFormat.Rgb24 => 0,
        ImagePixelFormat.Gray8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No sensact.ImageFrame/v1 code for this pixel format."),
    };
}
