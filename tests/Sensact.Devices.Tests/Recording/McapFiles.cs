using System.Numerics;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;

namespace Sensact.Devices.Tests.Recording;

/// <summary>Frames and recordings shared by the recording tests.</summary>
internal static class McapFiles
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An IMU frame whose values differ with <paramref name="i"/>; every third has a gyroscope.</summary>
    public static Frame<ImuSample> Imu(long i, string source = "imu", int segment = 0) => new(
        new ImuSample(new Vector3(i * 0.25f, -i, 1000.125f + i), i % 3 == 0 ? new Vector3(0.5f, float.Epsilon, -i) : null),
        T0 + TimeSpan.FromTicks(384_615 * i),
        source,
        i,
        segment);

    /// <summary>An audio chunk of <paramref name="samples"/> rented from <paramref name="pool"/>.</summary>
    public static Frame<AudioChunk> Audio(BufferPool<float> pool, long i, int samples = 512, int channels = 1)
    {
        var buffer = pool.Rent(samples);
        for (var s = 0; s < samples; s++)
        {
            buffer.Span[s] = MathF.Sin((i * samples) + s) * 0.5f;
        }

        buffer.Span[0] = BitConverter.Int32BitsToSingle(0x7FC0_1234); // a NaN with a payload survives bit for bit
        return new(new AudioChunk(buffer, 16_000, channels), T0 + TimeSpan.FromMilliseconds(32 * i), "mic", i);
    }

    /// <summary>Writes IMU frames 0..count-1 on channel "imu" to a new file and returns its bytes.</summary>
    public static byte[] ImuFile(int count)
    {
        using var stream = new MemoryStream();
        using (var writer = new McapWriter(stream, leaveOpen: true))
        {
            var codec = FrameCodecs.Imu;
            var schema = writer.AddSchema(codec.SchemaName, FrameCodecs.Encoding, System.Text.Encoding.UTF8.GetBytes(codec.SchemaText));
            var channel = writer.AddChannel(schema, "imu", FrameCodecs.Encoding, new Dictionary<string, string> { ["sampleRateHz"] = "26" });
            for (var i = 0; i < count; i++)
            {
                var frame = Imu(i);
                codec.Write(frame, writer.BeginMessage(channel, (uint)i, McapTime.ToNanoseconds(frame.OriginatingTime), 7, codec.DataLength(frame)));
            }
        }

        return stream.ToArray();
    }

    public static List<McapMessage> ReadAll(byte[] file, out McapReader reader)
    {
        reader = new McapReader(new MemoryStream(file));
        var messages = new List<McapMessage>();
        while (reader.TryReadMessage(out var message))
        {
            messages.Add(message with { Data = message.Data.ToArray() });
        }

        return messages;
    }
}
