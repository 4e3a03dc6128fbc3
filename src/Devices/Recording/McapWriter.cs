using System.Buffers.Binary;
using System.IO.Hashing;

namespace Sensact.Devices.Recording;

/// <summary>
/// Writes an MCAP file (mcap.dev/spec, version 0): magic, Header, then Schema, Channel and Message
/// records in the data section as they come, and on <see cref="Finish"/> Data End, a summary
/// (Schema, Channel and Statistics records), Summary Offset records, Footer and magic.
/// </summary>
/// <remarks>
/// <para>
/// Messages are written unchunked, so a file cut by a crash holds every message up to its last whole
/// record (see <see cref="McapReader"/>). Records are built in a buffer of the writer's own and
/// written to the stream when it fills or on <see cref="Flush"/>; writing a message allocates nothing.
/// The Data End record carries the CRC-32 of every byte before it, the footer the CRC-32 of the
/// summary and summary offsets.
/// </para>
/// <para>Not thread-safe: one writer is used from one thread.</para>
/// </remarks>
public sealed partial class McapWriter : IDisposable
{
    private const int MinBufferBytes = 64 * 1024;
    private const int StatisticsFixedBytes = 8 + 2 + 4 + 4 + 4 + 4 + 8 + 8 + 4;
    private const int ChannelCountBytes = 2 + 8;
    private const int SummaryOffsetRecordBytes = McapOpcode.RecordPrefix + 1 + 8 + 8;
    private const int FooterRecordBytes = McapOpcode.RecordPrefix + 8 + 8 + 4;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Crc32 _dataCrc = new();
    private Crc32? _summaryCrc;
    private readonly List<McapSchema> _schemas = [];
    private readonly List<McapChannel> _channels = [];
    private readonly List<ulong> _channelMessages = [];
    private byte[] _buffer = new byte[MinBufferBytes];
    private int _used;
    private long _flushed;
    private long _schemaBytes;
    private long _channelBytes;
    private ulong _firstLogTime = ulong.MaxValue;
    private ulong _lastLogTime;
    private bool _finished;
    private bool _disposed;

    /// <summary>Starts a file: writes the magic and the Header record.</summary>
    /// <param name="stream">Where to write; written from its current position, which counts as offset 0.</param>
    /// <param name="profile">The Header's profile (empty for none; Sensact writes none).</param>
    /// <param name="library">The Header's library: what wrote the file.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves <paramref name="stream"/> open.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written.</exception>
    public McapWriter(Stream stream, string profile = "", string library = "sensact", bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(library);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        McapOpcode.Magic.CopyTo(Reserve(8));
        var header = BeginRecord(McapOpcode.Header, StringBytes(profile) + StringBytes(library));
        header = PutString(header, profile);
        PutString(header, library);
    }

    /// <summary>Gets the bytes written so far, buffered ones included.</summary>
    public long Length => _flushed + _used;

    /// <summary>Gets how many bytes <see cref="Finish"/> will add now (Data End, summary, footer, magic).</summary>
    public long FinishLength =>
        McapOpcode.RecordPrefix + 4
        + _schemaBytes + _channelBytes
        + McapOpcode.RecordPrefix + StatisticsFixedBytes + (ChannelCountBytes * _channels.Count)
        + (3 * SummaryOffsetRecordBytes) + FooterRecordBytes + 8;

    /// <summary>Gets how many messages were written.</summary>
    public long MessageCount { get; private set; }

    /// <summary>Gets the schemas added so far.</summary>
    public IReadOnlyList<McapSchema> Schemas => _schemas;

    /// <summary>Gets the channels added so far.</summary>
    public IReadOnlyList<McapChannel> Channels => _channels;

    /// <summary>Gets the bytes a Message record with <paramref name="dataLength"/> bytes of data takes.</summary>
    /// <param name="dataLength">The message's data length.</param>
    /// <returns>The record's length, prefix included.</returns>
    public static long MessageRecordLength(int dataLength) => McapOpcode.RecordPrefix + McapOpcode.MessageFields + (long)dataLength;

    /// <summary>Adds a schema and writes its record.</summary>
    /// <param name="name">The schema's name.</param>
    /// <param name="encoding">The format of <paramref name="data"/>.</param>
    /// <param name="data">The schema.</param>
    /// <returns>The schema's id (from 1).</returns>
    /// <exception cref="InvalidOperationException">The file is finished, or it has 65 535 schemas.</exception>
    public ushort AddSchema(string name, string encoding, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(encoding);
        ThrowIfFinished();
        if (_schemas.Count == ushort.MaxValue)
        {
            throw new InvalidOperationException("An MCAP file holds at most 65535 schemas.");
        }

        var schema = new McapSchema((ushort)(_schemas.Count + 1), name, encoding, data.ToArray());
        _schemas.Add(schema);
        _schemaBytes += WriteSchema(schema);
        return schema.Id;
    }

    /// <summary>Adds a channel and writes its record.</summary>
    /// <param name="schemaId">The schema of its messages, as <see cref="AddSchema"/> returned it.</param>
    /// <param name="topic">The channel's topic.</param>
    /// <param name="messageEncoding">How its messages are encoded.</param>
    /// <param name="metadata">Further key-value pairs; none when <c>null</c>.</param>
    /// <returns>The channel's id (from 0).</returns>
    /// <exception cref="ArgumentException"><paramref name="schemaId"/> was not added.</exception>
    /// <exception cref="InvalidOperationException">The file is finished, or it has 65 536 channels.</exception>
    public ushort AddChannel(ushort schemaId, string topic, string messageEncoding, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(messageEncoding);
        ThrowIfFinished();
        if (schemaId == 0 || schemaId > _schemas.Count)
        {
            throw new ArgumentException($"Schema {schemaId} was not added to this file.", nameof(schemaId));
        }

        if (_channels.Count > ushort.MaxValue)
        {
            throw new InvalidOperationException("An MCAP file holds at most 65536 channels.");
        }

        var channel = new McapChannel((ushort)_channels.Count, schemaId, topic, messageEncoding, metadata ?? new Dictionary<string, string>());
        _channels.Add(channel);
        _channelMessages.Add(0);
        _channelBytes += WriteChannel(channel);
        return channel.Id;
    }

    /// <summary>Writes a Message record with <paramref name="data"/>.</summary>
    /// <param name="channelId">The channel, as <see cref="AddChannel"/> returned it.</param>
    /// <param name="sequence">The message's sequence number.</param>
    /// <param name="logTime">When the data was sensed, in nanoseconds since the Unix epoch.</param>
    /// <param name="publishTime">When it was written, in nanoseconds since the Unix epoch.</param>
    /// <param name="data">The message's bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="channelId"/> was not added.</exception>
    /// <exception cref="InvalidOperationException">The file is finished.</exception>
    public void WriteMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data) =>
        data.CopyTo(BeginMessage(channelId, sequence, logTime, publishTime, data.Length));

    /// <summary>
    /// Writes a Message record whose <paramref name="dataLength"/> data bytes the caller fills in the
    /// returned span, without a copy; the span is valid until the writer's next call.
    /// </summary>
    /// <param name="channelId">The channel, as <see cref="AddChannel"/> returned it.</param>
    /// <param name="sequence">The message's sequence number.</param>
    /// <param name="logTime">When the data was sensed, in nanoseconds since the Unix epoch.</param>
    /// <param name="publishTime">When it was written, in nanoseconds since the Unix epoch.</param>
    /// <param name="dataLength">How many data bytes the caller writes.</param>
    /// <returns>The span to fill with exactly <paramref name="dataLength"/> bytes.</returns>
    /// <exception cref="ArgumentException"><paramref name="channelId"/> was not added.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataLength"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The file is finished.</exception>
    public Span<byte> BeginMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, int dataLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        ThrowIfFinished();
        if (channelId >= _channels.Count)
        {
            throw new ArgumentException($"Channel {channelId} was not added to this file.", nameof(channelId));
        }

        _channelMessages[channelId]++;
        MessageCount++;
        _firstLogTime = Math.Min(_firstLogTime, logTime);
        _lastLogTime = Math.Max(_lastLogTime, logTime);
        var record = BeginRecord(McapOpcode.Message, McapOpcode.MessageFields + dataLength);
        BinaryPrimitives.WriteUInt16LittleEndian(record, channelId);
        BinaryPrimitives.WriteUInt32LittleEndian(record[2..], sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(record[6..], logTime);
        BinaryPrimitives.WriteUInt64LittleEndian(record[14..], publishTime);
        return record.Slice(McapOpcode.MessageFields, dataLength);
    }

    /// <summary>Writes the buffered records to the stream and flushes it.</summary>
    public void Flush()
    {
        WriteBuffer();
        _stream.Flush();
    }

    /// <summary>
    /// Ends the file: Data End, the summary (every Schema and Channel record, and Statistics), Summary
    /// Offset records, Footer and magic; then flushes. Nothing can be written after it.
    /// </summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        WriteBuffer();
        var dataEnd = BeginRecord(McapOpcode.DataEnd, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(dataEnd, _dataCrc.GetCurrentHashAsUInt32());
        _finished = true;
        WriteBuffer();

        // Everything from here to the footer's summary offset start is covered by the summary CRC.
        _summaryCrc = new Crc32();
        var summaryStart = Length;
        var schemaStart = Length;
        _schemas.ForEach(schema => WriteSchema(schema));
        var channelStart = Length;
        _channels.ForEach(channel => WriteChannel(channel));
        var statisticsStart = Length;
        WriteStatistics();
        var summaryOffsetStart = Length;
        WriteSummaryOffset(McapOpcode.Schema, schemaStart, channelStart - schemaStart);
        WriteSummaryOffset(McapOpcode.Channel, channelStart, statisticsStart - channelStart);
        WriteSummaryOffset(McapOpcode.Statistics, statisticsStart, summaryOffsetStart - statisticsStart);
        var footer = BeginRecord(McapOpcode.Footer, 8 + 8 + 4);
        BinaryPrimitives.WriteUInt64LittleEndian(footer, (ulong)summaryStart);
        BinaryPrimitives.WriteUInt64LittleEndian(footer[8..], (ulong)summaryOffsetStart);
        _summaryCrc.Append(_buffer.AsSpan(0, _used - 4));
        BinaryPrimitives.WriteUInt32LittleEndian(footer[16..], _summaryCrc.GetCurrentHashAsUInt32());
        _summaryCrc = null;
        McapOpcode.Magic.CopyTo(Reserve(8));
        WriteBuffer();
        _stream.Flush();
    }

    /// <summary>Finishes the file (if not yet) and closes the stream unless told to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Finish();
        }
        finally
        {
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private Span<byte> BeginRecord(byte opcode, int contentLength)
    {
        var record = Reserve(McapOpcode.RecordPrefix + contentLength);
        record[0] = opcode;
        BinaryPrimitives.WriteUInt64LittleEndian(record[1..], (ulong)contentLength);
        return record[McapOpcode.RecordPrefix..];
    }

    private Span<byte> Reserve(int length)
    {
        if (_buffer.Length - _used < length)
        {
            WriteBuffer();
            if (_buffer.Length < length)
            {
                // A record larger than the buffer (a camera frame): grow once to hold it.
                _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
            }
        }

        var span = _buffer.AsSpan(_used, length);
        _used += length;
        return span;
    }

    private void WriteBuffer()
    {
        if (_used == 0)
        {
            return;
        }

        var bytes = _buffer.AsSpan(0, _used);
        if (!_finished)
        {
            _dataCrc.Append(bytes);
        }
        else
        {
            _summaryCrc?.Append(bytes);
        }

        _stream.Write(bytes);
        _flushed += _used;
        _used = 0;
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The MCAP file is finished; nothing more can be written to it.");
        }
    }
}
