using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;

namespace Sensact.Devices.Tests.Recording;

public sealed class FrameCodecsTests
{
    [Fact]
    public void Imu_RoundTripThroughAFile_IsBitExact()
    {
        var frames = Enumerable.Range(0, 50).Select(i => McapFiles.Imu(i, segment: i / 20)).ToList();
        frames[7] = frames[7] with { Payload = new ImuSample(new(float.NaN, float.NegativeInfinity, -0f), null) };

        var read = RoundTrip(FrameCodecs.Imu, frames);

        Assert.Equal(frames.Count, read.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal(Bits(frames[i].Payload), Bits(read[i].Payload));
            Assert.Equal(frames[i].Payload.AngularVelocity.HasValue, read[i].Payload.AngularVelocity.HasValue);
            Assert.Equal(frames[i].Sequence, read[i].Sequence);
            Assert.Equal(frames[i].Segment, read[i].Segment);
            Assert.Equal(frames[i].OriginatingTime, read[i].OriginatingTime);
            Assert.Equal("imu", read[i].SourceId);
        }
    }

    [Fact]
    public void Audio_RoundTripThroughAFile_IsBitExactAndRentsFromThePool()
    {
        var pool = new BufferPool<float>();
        var frames = Enumerable.Range(0, 10).Select(i => McapFiles.Audio(pool, i, samples: 512 * 2, channels: 2)).ToList();
        var readPool = new BufferPool<float>();

        var read = RoundTrip(FrameCodecs.Audio(readPool), frames);

        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal(frames[i].Payload.SampleRate, read[i].Payload.SampleRate);
            Assert.Equal(frames[i].Payload.Channels, read[i].Payload.Channels);
            Assert.Equal(
                frames[i].Payload.Samples.Span.ToArray().Select(BitConverter.SingleToInt32Bits),
                read[i].Payload.Samples.Span.ToArray().Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(frames[i].Sequence, read[i].Sequence);
            frames[i].Payload.Release();
            read[i].Payload.Release();
        }

        Assert.Equal(10, readPool.Rented);
        Assert.Equal(10, readPool.Returned);
    }

    [Fact]
    public void Image_RoundTripWithRowPadding_IsBitExact()
    {
        var pool = new BufferPool<byte>();
        var pixels = pool.Rent((12 * 2) + 9);
        new Random(1).NextBytes(pixels.Span);
        var frame = new Frame<ImageFrame>(new ImageFrame(3, 3, ImagePixelFormat.Rgb24, 12, pixels), McapFiles.T0, "cam", 41, 2);

        var read = Assert.Single(RoundTrip(FrameCodecs.Image(pool), [frame]));

        Assert.Equal((3, 3, ImagePixelFormat.Rgb24, 12), (read.Payload.Width, read.Payload.Height, read.Payload.Format, read.Payload.Stride));
        Assert.Equal(pixels.Span.ToArray(), read.Payload.Pixels.Span.ToArray());
        Assert.Equal((41L, 2), (read.Sequence, read.Segment));
        pixels.Release();
        read.Payload.Release();
    }

    [Fact]
    public void Read_TooShortOrInconsistent_ThrowsInvalidDataException()
    {
        Assert.Throws<InvalidDataException>(() => FrameCodecs.Imu.Read(new byte[20], "imu", McapFiles.T0));
        var audio = new byte[12 + 12 + 8];
        audio[12] = 1; // 1 Hz
        audio[16] = 1; // 1 channel
        audio[20] = 5; // says 5 samples, holds 2
        Assert.Throws<InvalidDataException>(() => FrameCodecs.Audio().Read(audio, "mic", McapFiles.T0));
        var imu = new byte[37];
        imu[24] = 7; // gyroscope flag neither 0 nor 1
        Assert.Throws<InvalidDataException>(() => FrameCodecs.Imu.Read(imu, "imu", McapFiles.T0));
    }

    [Theory]
    [InlineData("sensact.ImuSample/v1", typeof(ImuSample))]
    [InlineData("sensact.AudioChunk/v1", typeof(AudioChunk))]
    [InlineData("sensact.ImageFrame/v1", typeof(ImageFrame))]
    [InlineData("sensor_msgs/Imu", null)]
    public void PayloadTypeOf_SchemaName_IsThePayloadItRecords(string schema, Type? expected) =>
        Assert.Equal(expected, FrameCodecs.PayloadTypeOf(schema));

    private static (int, int, int, int, int, int) Bits(ImuSample sample)
    {
        var g = sample.AngularVelocity ?? default;
        return (BitConverter.SingleToInt32Bits(sample.Acceleration.X), BitConverter.SingleToInt32Bits(sample.Acceleration.Y), BitConverter.SingleToInt32Bits(sample.Acceleration.Z),
            BitConverter.SingleToInt32Bits(g.X), BitConverter.SingleToInt32Bits(g.Y), BitConverter.SingleToInt32Bits(g.Z));
    }

    private static List<Frame<T>> RoundTrip<T>(IFrameCodec<T> codec, IReadOnlyList<Frame<T>> frames)
    {
        using var stream = new MemoryStream();
        using (var writer = new McapWriter(stream, leaveOpen: true))
        {
            var channel = writer.AddChannel(writer.AddSchema(codec.SchemaName, FrameCodecs.Encoding, []), frames[0].SourceId, FrameCodecs.Encoding);
            foreach (var frame in frames)
            {
                writer.WriteMessage(channel, (uint)frame.Sequence, McapTime.ToNanoseconds(frame.OriginatingTime), 0, Encode(codec, frame));
            }
        }

        stream.Position = 0;
        using var reader = new McapReader(stream);
        var read = new List<Frame<T>>();
        while (reader.TryReadMessage(out var message))
        {
            Assert.Equal(codec.SchemaName, reader.Schemas[reader.Channels[message.ChannelId].SchemaId].Name);
            read.Add(codec.Read(message.Data.Span, reader.Channels[message.ChannelId].Topic, McapTime.ToTime(message.LogTime)));
        }

        return read;
    }

    private static byte[] Encode<T>(IFrameCodec<T> codec, Frame<T> frame)
    {
        var data = new byte[codec.DataLength(frame)];
        codec.Write(frame, data);
        return data;
    }
}
