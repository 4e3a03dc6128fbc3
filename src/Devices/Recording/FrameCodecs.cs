using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;

namespace Sensact.Devices.Recording;

/// <summary>The schemas Sensact records frames under, one per payload type (layouts in docs/recording.md).</summary>
public static class FrameCodecs
{
    /// <summary>The schema and message encoding Sensact writes: its own little-endian layouts.</summary>
    public const string Encoding = "sensact";

    /// <summary>Gets the codec of <see cref="ImuSample"/> frames, <c>sensact.ImuSample/v1</c>.</summary>
    public static IFrameCodec<ImuSample> Imu { get; } = new ImuSampleCodec();

    /// <summary>Gets the codec of <see cref="AudioChunk"/> frames, <c>sensact.AudioChunk/v1</c>.</summary>
    /// <param name="pool">Where read chunks rent their samples; a pool of its own when <c>null</c>.</param>
    /// <returns>The codec.</returns>
    public static IFrameCodec<AudioChunk> Audio(BufferPool<float>? pool = null) => new AudioChunkCodec(pool ?? new BufferPool<float>());

    /// <summary>Gets the codec of <see cref="ImageFrame"/> frames, <c>sensact.ImageFrame/v1</c>.</summary>
    /// <param name="pool">Where read images rent their pixels; a pool of its own when <c>null</c>.</param>
    /// <returns>The codec.</returns>
    public static IFrameCodec<ImageFrame> Image(BufferPool<byte>? pool = null) => new ImageFrameCodec(pool ?? new BufferPool<byte>());

    /// <summary>Finds the payload type recorded under a schema.</summary>
    /// <param name="schemaName">A schema's name.</param>
    /// <returns>The payload type, or <c>null</c> for a schema Sensact does not know.</returns>
    public static Type? PayloadTypeOf(string schemaName) => schemaName switch
    {
        "sensact.ImuSample/v1" => typeof(ImuSample),
        "sensact.AudioChunk/v1" => typeof(AudioChunk),
        "sensact.ImageFrame/v1" => typeof(ImageFrame),
        _ => null,
    };
}
