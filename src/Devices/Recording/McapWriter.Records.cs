using System.Buffers.Binary;
using System.Text;

namespace Sensact.Devices.Recording;

/// <summary>The writer's Schema, Channel, Statistics and Summary Offset records (layouts from mcap.dev/spec).</summary>
public sealed partial class McapWriter
{
    private static int StringBytes(string value) => 4 + Encoding.UTF8.GetByteCount(value);

    private static Span<byte> PutString(Span<byte> target, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, target[4..]);
        BinaryPrimitives.WriteUInt32LittleEndian(target, (uint)length);
        return target[(4 + length)..];
    }

    private int WriteSchema(McapSchema schema)
    {
        var content = 2 + StringBytes(schema.Name) + StringBytes(schema.Encoding) + 4 + schema.Data.Length;
        var record = BeginRecord(McapOpcode.Schema, content);
        BinaryPrimitives.WriteUInt16LittleEndian(record, schema.Id);
        record = PutString(PutString(record[2..], schema.Name), schema.Encoding);
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)schema.Data.Length);
        schema.Data.Span.CopyTo(record[4..]);
        return McapOpcode.RecordPrefix + content;
    }

    private int WriteChannel(McapChannel channel)
    {
        var mapBytes = channel.Metadata.Sum(pair => StringBytes(pair.Key) + StringBytes(pair.Value));
        var content = 2 + 2 + StringBytes(channel.Topic) + StringBytes(channel.MessageEncoding) + 4 + mapBytes;
        var record = BeginRecord(McapOpcode.Channel, content);
        BinaryPrimitives.WriteUInt16LittleEndian(record, channel.Id);
        BinaryPrimitives.WriteUInt16LittleEndian(record[2..], channel.SchemaId);
        record = PutString(PutString(record[4..], channel.Topic), channel.MessageEncoding);
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)mapBytes);
        record = record[4..];
        foreach (var (key, value) in channel.Metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            record = PutString(PutString(record, key), value);
        }

        return McapOpcode.RecordPrefix + content;
    }

    private void WriteStatistics()
    {
        var record = BeginRecord(McapOpcode.Statistics, StatisticsFixedBytes + (ChannelCountBytes * _channels.Count));
        BinaryPrimitives.WriteUInt64LittleEndian(record, (ulong)MessageCount);
        BinaryPrimitives.WriteUInt16LittleEndian(record[8..], (ushort)_schemas.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(record[10..], (uint)_channels.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(record[14..], 0); // attachments
        BinaryPrimitives.WriteUInt32LittleEndian(record[18..], 0); // metadata records
        BinaryPrimitives.WriteUInt32LittleEndian(record[22..], 0); // chunks
        BinaryPrimitives.WriteUInt64LittleEndian(record[26..], MessageCount == 0 ? 0 : _firstLogTime);
        BinaryPrimitives.WriteUInt64LittleEndian(record[34..], _lastLogTime);
        BinaryPrimitives.WriteUInt32LittleEndian(record[42..], (uint)(ChannelCountBytes * _channels.Count));
        record = record[46..];
        for (var i = 0; i < _channels.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(record, (ushort)i);
            BinaryPrimitives.WriteUInt64LittleEndian(record[2..], _channelMessages[i]);
            record = record[ChannelCountBytes..];
        }
    }

    private void WriteSummaryOffset(byte opcode, long start, long length)
    {
        var record = BeginRecord(McapOpcode.SummaryOffset, 1 + 8 + 8);
        record[0] = opcode;
        BinaryPrimitives.WriteUInt64LittleEndian(record[1..], (ulong)start);
        BinaryPrimitives.WriteUInt64LittleEndian(record[9..], (ulong)length);
    }
}
