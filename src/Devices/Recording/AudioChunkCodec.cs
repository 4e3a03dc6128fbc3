using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;

namespace Sensact.Devices.Recording;

/// <summary><c>sensact.AudioChunk/v1</c>: rate, channels, sample count, then the float32 samples as they are (bit-exact).</summary>
internal sealed class AudioChunkCodec(BufferPool<float> pool) : IFrameCodec<AudioChunk>
{
    private const int FieldsLength = 4 + 4 + 4;

    public string SchemaName => "sensact.AudioChunk/v1";

    public string SchemaText =>
        "little-endian; int64 sequence; int32 segment; int32 sample_rate_hz; int32 channels; int32 sample_count (all channels); " +
        "float32 samples[sample_count] (interleaved, scaled to [-1, 1], bit patterns as captured)";

    public int DataLength(in Frame<AudioChunk> frame) => FrameHeader.Length + FieldsLength + (frame.Payload.Samples.Length * sizeof(float));

    public void Write(in Frame<AudioChunk> frame, Span<byte> data)
    {
        var chunk = frame.Payload;
        data = FrameHeader.Write(frame.Sequence, frame.Segment, data);
        BinaryPrimitives.WriteInt32LittleEndian(data, chunk.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(data[4..], chunk.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(data[8..], chunk.Samples.Length);
        WriteSamples(chunk.Samples.Span, data[FieldsLength..]);
    }

    public Frame<AudioChunk> Read(ReadOnlySpan<byte> data, string sourceId, DateTimeOffset originatingTime)
    {
        var payload = FrameHeader.Read(data, SchemaName, FieldsLength, out var sequence, out var segment);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var channels = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(payload[8..]);
        var bytes = payload[FieldsLength..];
        if (rate <= 0 || channels <= 0 || count < 0 || count % channels != 0 || (long)count * sizeof(float) != bytes.Length)
        {
            throw new InvalidDataException(
                $"A {SchemaName} message says {rate} Hz, {channels} channel(s), {count} samples, and holds {bytes.Length} sample bytes.");
        }

        var samples = pool.Rent(count);
        ReadSamples(bytes, samples.Span);
        return new Frame<AudioChunk>(new AudioChunk(samples, rate, channels), originatingTime, sourceId, sequence, segment);
    }

    private static void WriteSamples(ReadOnlySpan<float> samples, Span<byte> data)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(samples).CopyTo(data);
            return;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data[(i * sizeof(float))..], samples[i]);
        }
    }

    private static void ReadSamples(ReadOnlySpan<byte> data, Span<float> samples)
    {
        if (BitConverter.IsLittleEndian)
        {
            data.CopyTo(MemoryMarshal.AsBytes(samples));
            return;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * sizeof(float))..]);
        }
    }
}
