using System.Buffers.Binary;
using System.Text;

namespace Sensact.Devices.Recording;

/// <summary>
/// Reads the messages of an MCAP file in file order, with the schemas and channels they need,
/// from its data section (unchunked, or in uncompressed chunks).
/// </summary>
/// <remarks>
/// A file cut by a crash is read up to its last whole record: a record whose length runs past the
/// end of the file, or a file that ends without Data End or Footer, ends the messages quietly and
/// sets <see cref="Truncated"/>. Records this reader does not need are skipped, as the spec asks of
/// unknown ones. Not thread-safe.
/// </remarks>
public sealed class McapReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Dictionary<ushort, McapSchema> _schemas = [];
    private readonly Dictionary<ushort, McapChannel> _channels = [];
    private byte[] _window = new byte[256 * 1024];
    private int _start;
    private int _end;
    private ReadOnlyMemory<byte> _chunk;
    private bool _ended;

    /// <summary>Starts reading <paramref name="stream"/> at its current position, which must be the file's magic.</summary>
    /// <param name="stream">The file.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <c>null</c>.</exception>
    /// <exception cref="InvalidDataException">The stream does not start with MCAP's magic.</exception>
    public McapReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        Span<byte> magic = stackalloc byte[8];
        if (_stream.ReadAtLeast(magic, 8, throwOnEndOfStream: false) < 8 || !magic.SequenceEqual(McapOpcode.Magic))
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw new InvalidDataException("Not an MCAP file: it does not start with the magic bytes \\x89MCAP0\\r\\n.");
        }
    }

    /// <summary>Gets the schemas read so far, by id.</summary>
    public IReadOnlyDictionary<ushort, McapSchema> Schemas => _schemas;

    /// <summary>Gets the channels read so far, by id.</summary>
    public IReadOnlyDictionary<ushort, McapChannel> Channels => _channels;

    /// <summary>Gets the Header's library, once read (the first record).</summary>
    public string? Library { get; private set; }

    /// <summary>Gets whether the file ended before its Data End or Footer record (a recording cut short).</summary>
    public bool Truncated { get; private set; }

    /// <summary>Opens the MCAP file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="InvalidDataException">The file is not an MCAP file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static McapReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0));

    /// <summary>Reads the next message, and the schema and channel records before it.</summary>
    /// <param name="message">The message; its data is valid until the next call.</param>
    /// <returns><c>false</c> at the end of the data section, or of a truncated file.</returns>
    /// <exception cref="InvalidDataException">A record is malformed, or names a schema or channel that was not defined before it.</exception>
    /// <exception cref="NotSupportedException">The file has compressed chunks.</exception>
    public bool TryReadMessage(out McapMessage message)
    {
        while (TryReadRecord(out var opcode, out var content))
        {
            switch (opcode)
            {
                case McapOpcode.Message:
                    message = ParseMessage(content);
                    return true;
                case McapOpcode.Header:
                    var header = new Cursor(content);
                    header.String();
                    Library = header.String();
                    break;
                case McapOpcode.Schema:
                    AddSchema(content);
                    break;
                case McapOpcode.Channel:
                    AddChannel(content);
                    break;
                case McapOpcode.Chunk:
                    _chunk = ChunkRecords(content);
                    break;
                case McapOpcode.DataEnd:
                case McapOpcode.Footer:
                    _ended = true;
                    break;
                default:
                    break; // Indexes, attachments, metadata, statistics: not needed to replay.
            }
        }

        message = default;
        return false;
    }

    /// <summary>Closes the stream unless told to leave it open.</summary>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private bool TryReadRecord(out byte opcode, out ReadOnlyMemory<byte> content)
    {
        opcode = 0;
        content = default;
        if (!_chunk.IsEmpty)
        {
            // Records inside a chunk: the chunk was read whole, so a short one is malformed, not cut.
            var span = _chunk.Span;
            if (span.Length < McapOpcode.RecordPrefix)
            {
                throw new InvalidDataException("A chunk ends inside a record's opcode and length.");
            }

            var length = BinaryPrimitives.ReadUInt64LittleEndian(span[1..]);
            if (length > (ulong)(span.Length - McapOpcode.RecordPrefix))
            {
                throw new InvalidDataException($"A record of {length} bytes runs past the end of its chunk.");
            }

            opcode = span[0];
            content = _chunk.Slice(McapOpcode.RecordPrefix, (int)length);
            _chunk = _chunk[(McapOpcode.RecordPrefix + (int)length)..];
            return true;
        }

        if (_ended)
        {
            return false;
        }

        // Records are parsed out of a window of the file read in large blocks: one read per block,
        // not two per record.
        if (!Fill(McapOpcode.RecordPrefix))
        {
            return End(truncated: true);
        }

        var contentLength = BinaryPrimitives.ReadUInt64LittleEndian(_window.AsSpan(_start + 1));
        if (contentLength > int.MaxValue - McapOpcode.RecordPrefix)
        {
            return End(truncated: true);
        }

        var whole = McapOpcode.RecordPrefix + (int)contentLength;
        if (_end - _start < whole)
        {
            // Asked only when the window must grow: a length that the rest of the file cannot hold is
            // a cut record, not a reason to allocate its buffer.
            var rest = _stream.CanSeek ? _stream.Length - _stream.Position + (_end - _start) : long.MaxValue;
            if (whole > rest || !Fill(whole))
            {
                return End(truncated: true);
            }
        }

        opcode = _window[_start];
        content = _window.AsMemory(_start + McapOpcode.RecordPrefix, (int)contentLength);
        _start += McapOpcode.RecordPrefix + (int)contentLength;
        return true;
    }

    // Makes at least `count` bytes available from _start, moving what is left to the front of the
    // window (or into a larger one) and reading more; false at the end of the stream.
    private bool Fill(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_window.Length < count)
        {
            var larger = new byte[Math.Max(count, _window.Length * 2)];
            _window.AsSpan(_start, _end - _start).CopyTo(larger);
            _window = larger;
        }
        else
        {
            _window.AsSpan(_start, _end - _start).CopyTo(_window);
        }

        _end -= _start;
        _start = 0;
        while (_end < count)
        {
            var read = _stream.Read(_window.AsSpan(_end));
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    private bool End(bool truncated)
    {
        Truncated = truncated;
        _ended = true;
        return false;
    }

    private McapMessage ParseMessage(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.Length < McapOpcode.MessageFields)
        {
            throw new InvalidDataException($"A Message record has {span.Length} bytes, fewer than its {McapOpcode.MessageFields} fixed ones.");
        }

        var channelId = BinaryPrimitives.ReadUInt16LittleEndian(span);
        if (!_channels.ContainsKey(channelId))
        {
            throw new InvalidDataException($"A message names channel {channelId}, which no Channel record before it defines.");
        }

        return new McapMessage(
            channelId,
            BinaryPrimitives.ReadUInt32LittleEndian(span[2..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[6..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[14..]),
            content[McapOpcode.MessageFields..]);
    }

    private void AddSchema(ReadOnlyMemory<byte> content)
    {
        var cursor = new Cursor(content);
        var id = cursor.UInt16();
        var name = cursor.String();
        var encoding = cursor.String();
        var data = cursor.Bytes(cursor.UInt32());
        if (id != 0)
        {
            _schemas[id] = new McapSchema(id, name, encoding, data.ToArray());
        }
    }

    private void AddChannel(ReadOnlyMemory<byte> content)
    {
        var cursor = new Cursor(content);
        var id = cursor.UInt16();
        var schemaId = cursor.UInt16();
        var topic = cursor.String();
        var encoding = cursor.String();
        var map = new Cursor(cursor.Bytes(cursor.UInt32()));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!map.AtEnd)
        {
            var key = map.String();
            metadata[key] = map.String();
        }

        if (schemaId != 0 && !_schemas.ContainsKey(schemaId))
        {
            throw new InvalidDataException($"Channel {id} ('{topic}') names schema {schemaId}, which no Schema record before it defines.");
        }

        _channels[id] = new McapChannel(id, schemaId, topic, encoding, metadata);
    }

    private static ReadOnlyMemory<byte> ChunkRecords(ReadOnlyMemory<byte> content)
    {
        var cursor = new Cursor(content);
        cursor.Bytes(8 + 8 + 8 + 4); // start and end time, uncompressed size and CRC
        var compression = cursor.String();
        var records = cursor.Bytes(cursor.UInt64());
        return compression.Length == 0
            ? records
            : throw new NotSupportedException($"The file has chunks compressed with '{compression}'; Sensact reads uncompressed MCAP only (rewrite it with `mcap compress --compression none` or similar).");
    }

    /// <summary>Reads the spec's little-endian fields and length-prefixed strings from one record.</summary>
    private struct Cursor(ReadOnlyMemory<byte> content)
    {
        private ReadOnlyMemory<byte> _rest = content;

        public readonly bool AtEnd => _rest.IsEmpty;

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2).Span);

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4).Span);

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8).Span);

        public string String() => Encoding.UTF8.GetString(Bytes(UInt32()).Span);

        public ReadOnlyMemory<byte> Bytes(ulong length)
        {
            if (length > (ulong)_rest.Length)
            {
                throw new InvalidDataException($"A record is shorter than its fields say ({length} bytes wanted, {_rest.Length} left).");
            }

            var bytes = _rest[..(int)length];
            _rest = _rest[(int)length..];
            return bytes;
        }
    }
}
