using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// One queued event as the outbox keeps it, in memory and on disk: its id (increasing, never reused
/// while the outbox lives) and the whole framed record. A frame is <c>length (u32) | crc32 (u32) |
/// body</c>, the body <c>id (u64) | flags (u8: QoS, retain, UTF-8 payload) | topic length (u16) |
/// topic | content type length (u16) | content type | payload</c>, little-endian. The length and CRC
/// let a reader find where a torn write begins.
/// </summary>
/// <param name="Id">The record's id in the outbox.</param>
/// <param name="Frame">The framed record, exactly as written to disk.</param>
internal readonly record struct OutboxRecord(long Id, byte[] Frame)
{
    /// <summary>The bytes before the body: its length and CRC-32.</summary>
    public const int HeaderBytes = 8;

    /// <summary>The largest body a reader accepts; anything longer is taken for a torn or corrupt record.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    private const int FixedBodyBytes = 8 + 1 + 2 + 2;
    private const byte RetainFlag = 0x04;
    private const byte Utf8Flag = 0x08;

    /// <summary>Frames <paramref name="message"/> as record <paramref name="id"/>.</summary>
    public static OutboxRecord Create(long id, MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var topic = Encoding.UTF8.GetByteCount(message.Topic);
        var contentType = message.ContentType is null ? 0 : Encoding.UTF8.GetByteCount(message.ContentType);
        if (topic > ushort.MaxValue || contentType > ushort.MaxValue)
        {
            throw new ArgumentException("The topic and content type must each fit in 65,535 bytes.", nameof(message));
        }

        var payload = message.Payload;
        var body = FixedBodyBytes + topic + contentType + checked((int)payload.Length);
        if (body > MaxBodyBytes)
        {
            throw new ArgumentException($"An event of {body} bytes is larger than the outbox takes ({MaxBodyBytes}).", nameof(message));
        }

        var frame = new byte[HeaderBytes + body];
        var span = frame.AsSpan(HeaderBytes);
        BinaryPrimitives.WriteInt64LittleEndian(span, id);
        span[8] = (byte)((byte)message.QualityOfServiceLevel
            | (message.Retain ? RetainFlag : 0)
            | (message.PayloadFormatIndicator == MqttPayloadFormatIndicator.CharacterData ? Utf8Flag : 0));
        BinaryPrimitives.WriteUInt16LittleEndian(span[9..], (ushort)topic);
        var at = 11 + Encoding.UTF8.GetBytes(message.Topic, span[11..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)contentType);
        at += 2;
        if (message.ContentType is not null)
        {
            at += Encoding.UTF8.GetBytes(message.ContentType, span[at..]);
        }

        payload.CopyTo(span[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(frame, body);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(span));
        return new OutboxRecord(id, frame);
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="data"/>. Returns false when the bytes there are
    /// not a whole, intact record (too short, a length out of range, a CRC that does not match).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out OutboxRecord record)
    {
        record = default;
        if (data.Length < HeaderBytes)
        {
            return false;
        }

        var body = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (body < FixedBodyBytes || body > MaxBodyBytes || body > data.Length - HeaderBytes)
        {
            return false;
        }

        var bodySpan = data.Slice(HeaderBytes, body);
        if (Crc32.HashToUInt32(bodySpan) != BinaryPrimitives.ReadUInt32LittleEndian(data[4..]))
        {
            return false;
        }

        record = new OutboxRecord(BinaryPrimitives.ReadInt64LittleEndian(bodySpan), data[..(HeaderBytes + body)].ToArray());
        return true;
    }

    /// <summary>Gets the record's size in bytes, framing included.</summary>
    public int Size => Frame.Length;

    /// <summary>Builds the MQTT message this record holds.</summary>
    public MqttApplicationMessage ToMessage()
    {
        var body = Frame.AsSpan(HeaderBytes);
        var flags = body[8];
        var topicLength = BinaryPrimitives.ReadUInt16LittleEndian(body[9..]);
        var at = 11;
        var topic = Encoding.UTF8.GetString(body.Slice(at, topicLength));
        at += topicLength;
        var contentTypeLength = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
        at += 2;
        var contentType = contentTypeLength == 0 ? null : Encoding.UTF8.GetString(body.Slice(at, contentTypeLength));
        at += contentTypeLength;
        return new MqttApplicationMessage
        {
            Topic = topic,
            Payload = new ReadOnlySequence<byte>(Frame.AsMemory(HeaderBytes + at)),
            QualityOfServiceLevel = (MqttQualityOfServiceLevel)(flags & 0x03),
            Retain = (flags & RetainFlag) != 0,
            ContentType = contentType,
            PayloadFormatIndicator = (flags & Utf8Flag) != 0 ? MqttPayloadFormatIndicator.CharacterData : MqttPayloadFormatIndicator.Unspecified,
        };
    }
}
