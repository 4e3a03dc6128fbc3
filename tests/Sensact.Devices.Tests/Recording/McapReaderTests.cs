using System.Text;
using Sensact.Devices.Recording;

namespace Sensact.Devices.Tests.Recording;

public sealed class McapReaderTests
{
    [Fact]
    public void Constructor_NotMcap_ThrowsInvalidDataException()
    {
        var error = Assert.Throws<InvalidDataException>(() => new McapReader(new MemoryStream(Encoding.UTF8.GetBytes("t,ax,ay,az\n0,1,2,3\n"))));

        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadMessage_WrittenFile_ReadsEveryMessageWithItsChannelAndSchema()
    {
        var file = McapFiles.ImuFile(100);

        var messages = McapFiles.ReadAll(file, out var reader);

        Assert.Equal(100, messages.Count);
        Assert.False(reader.Truncated);
        Assert.Equal("sensact", reader.Library);
        var channel = Assert.Single(reader.Channels.Values);
        Assert.Equal("imu", channel.Topic);
        Assert.Equal("26", channel.Metadata["sampleRateHz"]);
        Assert.Equal("sensact.ImuSample/v1", reader.Schemas[channel.SchemaId].Name);
        for (var i = 0; i < messages.Count; i++)
        {
            Assert.Equal((uint)i, messages[i].Sequence);
            Assert.Equal(McapTime.ToNanoseconds(McapFiles.Imu(i).OriginatingTime), messages[i].LogTime);
            Assert.Equal(7UL, messages[i].PublishTime);
        }
    }

    [Fact]
    public void TryReadMessage_FileCutAnywhere_ReadsEveryWholeMessageBeforeTheCut()
    {
        var whole = McapFiles.ImuFile(20);
        var complete = McapFiles.ReadAll(whole, out _);
        var messageEnds = MessageRecordEnds(whole);

        for (var cut = 8; cut < whole.Length; cut++)
        {
            var messages = McapFiles.ReadAll(whole[..cut], out var reader);

            Assert.Equal(messageEnds.Count(end => end <= cut), messages.Count);
            for (var i = 0; i < messages.Count; i++)
            {
                Assert.Equal(complete[i].Data.ToArray(), messages[i].Data.ToArray());
            }

            // Cut before the Data End record: the reader says the file was truncated.
            Assert.Equal(cut < messageEnds[^1] + 13, reader.Truncated);
        }
    }

    [Fact]
    public void TryReadMessage_MessageOnUndefinedChannel_ThrowsInvalidDataException()
    {
        using var stream = new MemoryStream();
        using (var writer = new McapWriter(stream, leaveOpen: true))
        {
            writer.AddChannel(writer.AddSchema("s", "e", []), "t", "e");
            writer.WriteMessage(0, 0, 0, 0, [1]);
        }

        var file = stream.ToArray();
        var channelOpcode = Array.IndexOf(file, (byte)0x05);
        file[channelOpcode + 9] = 0x33; // the message now names channel 0x33

        var reader = new McapReader(new MemoryStream(file));
        Assert.Throws<InvalidDataException>(() => reader.TryReadMessage(out _));
    }

    private static List<int> MessageRecordEnds(byte[] file)
    {
        var ends = new List<int>();
        for (var offset = 8; offset < file.Length - 8;)
        {
            var end = offset + 9 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(offset + 1));
            if (file[offset] == 0x05)
            {
                ends.Add(end);
            }

            offset = end;
        }

        return ends;
    }
}
