using System.Buffers.Binary;
using System.Numerics;
using Sensact.Devices.Imu;

namespace Sensact.Devices.Recording;

/// <summary><c>sensact.ImuSample/v1</c>: acceleration, then a gyroscope flag and angular velocity; 37 bytes with the frame header.</summary>
internal sealed class ImuSampleCodec : IFrameCodec<ImuSample>
{
    private const int PayloadLength = 12 + 1 + 12;

    public string SchemaName => "sensact.ImuSample/v1";

    public string SchemaText =>
        "little-endian; int64 sequence; int32 segment; float32 acceleration_x, acceleration_y, acceleration_z (units as ImuSample.Acceleration); " +
        "uint8 has_angular_velocity (0 or 1); float32 angular_velocity_x, angular_velocity_y, angular_velocity_z (units as ImuSample.AngularVelocity; 0 when absent)";

    public int DataLength(in Frame<ImuSample> frame) => FrameHeader.Length + PayloadLength;

    public void Write(in Frame<ImuSample> frame, Span<byte> data)
    {
        data = FrameHeader.Write(frame.Sequence, frame.Segment, data);
        WriteVector(frame.Payload.Acceleration, data);
        var gyroscope = frame.Payload.AngularVelocity;
        data[12] = gyroscope.HasValue ? (byte)1 : (byte)0;
        WriteVector(gyroscope ?? Vector3.Zero, data[13..]);
    }

    public Frame<ImuSample> Read(ReadOnlySpan<byte> data, string sourceId, DateTimeOffset originatingTime)
    {
        var payload = FrameHeader.Read(data, SchemaName, PayloadLength, out var sequence, out var segment);
        var sample = new ImuSample(ReadVector(payload), payload[12] switch
        {
            0 => null,
            1 => ReadVector(payload[13..]),
            var flag => throw new InvalidDataException($"A {SchemaName} message has gyroscope flag {flag}; it must be 0 or 1."),
        });
        return new Frame<ImuSample>(sample, originatingTime, sourceId, sequence, segment);
    }

    private static void WriteVector(Vector3 vector, Span<byte> data)
    {
        BinaryPrimitives.WriteSingleLittleEndian(data, vector.X);
        BinaryPrimitives.WriteSingleLittleEndian(data[4..], vector.Y);
        BinaryPrimitives.WriteSingleLittleEndian(data[8..], vector.Z);
    }

    private static Vector3 ReadVector(ReadOnlySpan<byte> data) => new(
        BinaryPrimitives.ReadSingleLittleEndian(data),
        BinaryPrimitives.ReadSingleLittleEndian(data[4..]),
        BinaryPrimitives.ReadSingleLittleEndian(data[8..]));
}
