using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Sensact.Devices.Recording;

namespace Sensact.Devices.Tests.Recording;

public sealed class McapWriterTests
{
    private static readonly byte[] Magic = [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', (byte)'0', (byte)'\r', (byte)'\n'];

    [Fact]
    public void Constructor_NullStream_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("stream", () => new McapWriter(null!));

    [Fact]
    public void Finish_EmptyFile_HasMagicHeaderDataEndSummaryFooterAndMagic()
    {
        var file = Write(_ => { });

        Assert.Equal(Magic, file[..8]);
        Assert.Equal(Magic, file[^8..]);
        Assert.Equal(0x01, file[8]); // Header right after the magic
        var opcodes = Records(file).Select(r => r.Opcode).ToList();
        Assert.Equal([0x01, 0x0F, 0x0B, 0x0E, 0x0E, 0x0E, 0x02], opcodes);
    }

    [Fact]
    public void Finish_WithMessages_WritesStatisticsOffsetsAndCrcsThatMatchTheBytes()
    {
        var file = Write(writer =>
        {
            var schema = writer.AddSchema("s", "sensact", [1, 2, 3]);
            var a = writer.AddChannel(schema, "a", "sensact");
            var b = writer.AddChannel(schema, "b", "sensact", new Dictionary<string, string> { ["k"] = "v" });
            writer.WriteMessage(a, 0, 300, 1, [9]);
            writer.WriteMessage(b, 0, 100, 2, [8, 8]);
            writer.WriteMessage(a, 1, 500, 3, []);
        });

        var records = Records(file);
        var dataEnd = records.Single(r => r.Opcode == 0x0F);
        Assert.Equal(Crc32.HashToUInt32(file.AsSpan(0, dataEnd.Offset)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(dataEnd.Offset + 9)));

        var footer = records.Single(r => r.Opcode == 0x02);
        var summaryStart = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(footer.Offset + 9));
        var summaryOffsetStart = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(footer.Offset + 17));
        Assert.Equal(dataEnd.Offset + 13, summaryStart);
        Assert.Equal(0x03, file[summaryStart]); // the summary starts with the schemas
        Assert.Equal(0x0E, file[summaryOffsetStart]);
        Assert.Equal(
            Crc32.HashToUInt32(file.AsSpan(summaryStart, footer.Offset + 9 + 16 - summaryStart)),
            BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(footer.Offset + 9 + 16)));

        var statistics = records.Single(r => r.Opcode == 0x0B);
        var body = file.AsSpan(statistics.Offset + 9);
        Assert.Equal(3UL, BinaryPrimitives.ReadUInt64LittleEndian(body));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(body[8..]));
        Assert.Equal(2U, BinaryPrimitives.ReadUInt32LittleEndian(body[10..]));
        Assert.Equal(100UL, BinaryPrimitives.ReadUInt64LittleEndian(body[26..]));
        Assert.Equal(500UL, BinaryPrimitives.ReadUInt64LittleEndian(body[34..]));

        // Each summary offset points at a group of records of its opcode.
        foreach (var offset in records.Where(r => r.Opcode == 0x0E))
        {
            var group = file[offset.Offset + 9];
            var start = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(offset.Offset + 10));
            Assert.Equal(group, file[start]);
        }
    }

    [Fact]
    public void FinishLength_IsWhatFinishAdds()
    {
        using var stream = new MemoryStream();
        var writer = new McapWriter(stream, leaveOpen: true);
        var schema = writer.AddSchema("sensact.ImuSample/v1", "sensact", Encoding.UTF8.GetBytes("layout"));
        writer.AddChannel(schema, "imu", "sensact", new Dictionary<string, string> { ["sampleRateHz"] = "26" });
        writer.AddChannel(schema, "imu2", "sensact");
        writer.WriteMessage(0, 0, 1, 1, new byte[37]);
        var before = writer.Length;
        var expected = writer.FinishLength;

        writer.Dispose();

        Assert.Equal(before + expected, stream.Length);
        Assert.Equal(stream.Length, writer.Length);
    }

    [Fact]
    public void WriteMessage_UnknownChannel_Throws()
    {
        using var writer = new McapWriter(new MemoryStream());

        Assert.Throws<ArgumentException>("channelId", () => writer.WriteMessage(0, 0, 0, 0, []));
    }

    [Fact]
    public void AddChannel_UnknownSchema_Throws()
    {
        using var writer = new McapWriter(new MemoryStream());

        Assert.Throws<ArgumentException>("schemaId", () => writer.AddChannel(1, "t", "sensact"));
    }

    [Fact]
    public void WriteMessage_AfterFinish_Throws()
    {
        using var writer = new McapWriter(new MemoryStream());
        var channel = writer.AddChannel(writer.AddSchema("s", "e", []), "t", "e");
        writer.Finish();

        Assert.Throws<InvalidOperationException>(() => writer.WriteMessage(channel, 0, 0, 0, []));
    }

    [Fact]
    public void WriteMessage_LargerThanTheBuffer_IsWrittenWhole()
    {
        var big = new byte[1_000_000];
        new Random(3).NextBytes(big);

        var file = Write(writer => writer.WriteMessage(writer.AddChannel(writer.AddSchema("s", "e", []), "t", "e"), 4, 5, 6, big));

        var message = Assert.Single(McapFiles.ReadAll(file, out _));
        Assert.Equal(big, message.Data.ToArray());
    }

    private static byte[] Write(Action<McapWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new McapWriter(stream, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static List<(byte Opcode, int Offset)> Records(byte[] file)
    {
        var records = new List<(byte, int)>();
        for (var offset = 8; offset < file.Length - 8;)
        {
            records.Add((file[offset], offset));
            offset += 9 + (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(offset + 1));
        }

        return records;
    }
}
