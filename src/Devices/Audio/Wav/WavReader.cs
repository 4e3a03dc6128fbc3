using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Sensact.Devices.Audio.Wav;

/// <summary>
/// Reads the samples of a RIFF/WAVE file of 16-bit PCM, mono or interleaved, as floats in [-1, 1),
/// a block at a time, without allocating per block.
/// </summary>
/// <remarks>
/// <para>
/// The header is read when the reader is opened: chunks other than <c>fmt </c> and <c>data</c>
/// (<c>LIST</c>, <c>fact</c>, <c>bext</c>, ...) are skipped, and anything that is not 16-bit integer
/// PCM (8 or 24 bits, 32-bit float, a compressed format) or is damaged (a missing chunk, a data chunk
/// longer than the file, a partial frame) throws <see cref="WavFormatException"/> naming the file.
/// <c>WAVE_FORMAT_EXTENSIBLE</c> headers are read when their sub-format is PCM.
/// </para>
/// <para>
/// Samples are 16-bit little-endian two's complement (the RIFF rule); sample <c>s</c> becomes
/// <c>s / 32768</c>. Chunks after <c>data</c> are not read.
/// </para>
/// </remarks>
public sealed class WavReader : IDisposable
{
    private const ushort FormatPcm = 0x0001;
    private const ushort FormatFloat = 0x0003;
    private const ushort FormatExtensible = 0xFFFE;
    private const int BlockBytes = 8192;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _bytes = new byte[BlockBytes];
    private readonly long _dataOffset;
    private long _framesLeft;

    /// <summary>Reads the header of <paramref name="stream"/>, leaving it at the first sample.</summary>
    /// <param name="stream">The file's bytes, from its first byte.</param>
    /// <param name="name">The file's name or path, for messages.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is <c>null</c>.</exception>
    /// <exception cref="WavFormatException">The stream is not 16-bit PCM RIFF/WAVE, or is damaged.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public WavReader(Stream stream, string name, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        _stream = stream;
        _leaveOpen = leaveOpen;
        Name = name;
        (Format, _dataOffset) = ReadHeader();
        _framesLeft = Format.FrameCount;
    }

    /// <summary>Gets the file's name or path, as given.</summary>
    public string Name { get; }

    /// <summary>Gets the file's format.</summary>
    public WavFormat Format { get; }

    /// <summary>Gets how many frames are left to read.</summary>
    public long FramesLeft => _framesLeft;

    /// <summary>Opens a file and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A reader at the first sample.</returns>
    /// <exception cref="WavFormatException">The file is not 16-bit PCM RIFF/WAVE, or is damaged.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static WavReader Open(string path)
    {
        // No FileStream buffer: the reader reads whole blocks into a buffer of its own.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        try
        {
            return new WavReader(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the header of a file: its rate, channels and length.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The format.</returns>
    /// <exception cref="WavFormatException">The file is not 16-bit PCM RIFF/WAVE, or is damaged.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static WavFormat ReadFormat(string path)
    {
        using var reader = Open(path);
        return reader.Format;
    }

    /// <summary>Reads every sample of a stream.</summary>
    /// <param name="stream">The file's bytes, from its first byte; left open.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <returns>The format and the interleaved samples.</returns>
    /// <exception cref="WavFormatException">The stream is not 16-bit PCM RIFF/WAVE, or is damaged.</exception>
    public static (WavFormat Format, float[] Samples) ReadAll(Stream stream, string name)
    {
        using var reader = new WavReader(stream, name, leaveOpen: true);
        var samples = new float[checked((int)(reader.Format.FrameCount * reader.Format.Channels))];
        var read = reader.Read(samples);
        return read == reader.Format.FrameCount
            ? (reader.Format, samples)
            : throw new WavFormatException($"'{name}' ended after {read} of {reader.Format.FrameCount} frames.");
    }

    /// <summary>Reads the next frames into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the interleaved samples go; whole frames are written.</param>
    /// <returns>The frames read: fewer than fit only at the end of the data; 0 once it is all read.</returns>
    /// <exception cref="WavFormatException">The file ends before its data chunk does.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public int Read(Span<float> destination)
    {
        var channels = Format.Channels;
        var frames = (int)Math.Min(destination.Length / channels, _framesLeft);
        var samples = frames * channels;
        for (var done = 0; done < samples;)
        {
            var bytes = Math.Min((samples - done) * 2, BlockBytes);
            try
            {
                _stream.ReadExactly(_bytes, 0, bytes);
            }
            catch (EndOfStreamException error)
            {
                throw new WavFormatException($"WAV file '{Name}' is truncated: it ends {_framesLeft} frames before its data chunk does.", error);
            }

            var block = destination.Slice(done, bytes / 2);
            if (BitConverter.IsLittleEndian)
            {
                var pcm = MemoryMarshal.Cast<byte, short>(_bytes.AsSpan(0, bytes));
                for (var k = 0; k < block.Length; k++)
                {
                    block[k] = pcm[k] * (1f / 32768f);
                }
            }
            else
            {
                for (var k = 0; k < block.Length; k++)
                {
                    block[k] = BinaryPrimitives.ReadInt16LittleEndian(_bytes.AsSpan(2 * k, 2)) * (1f / 32768f);
                }
            }

            done += block.Length;
        }

        _framesLeft -= frames;
        return frames;
    }

    /// <summary>Goes back to the first sample.</summary>
    /// <exception cref="NotSupportedException">The stream cannot seek.</exception>
    public void Rewind()
    {
        _stream.Position = _dataOffset;
        _framesLeft = Format.FrameCount;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private (WavFormat Format, long DataOffset) ReadHeader()
    {
        Span<byte> header = stackalloc byte[12];
        if (!TryFill(header) || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw Bad("is not a RIFF/WAVE file (it does not start with 'RIFF....WAVE')");
        }

        long position = 12;
        WavFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            if (!TryFill(chunk))
            {
                throw format is null ? Bad("has no 'fmt ' chunk") : Bad("has no 'data' chunk");
            }

            position += 8;
            var id = Encoding.ASCII.GetString(chunk[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (id == "fmt ")
            {
                format = ReadFormatChunk(size);
            }
            else if (id == "data")
            {
                return DataChunk(format ?? throw Bad("has its 'data' chunk before its 'fmt ' chunk"), size, position);
            }
            else
            {
                Skip(size + (size & 1), id);
            }

            position += size + (size & 1);
        }
    }

    private (WavFormat Format, long DataOffset) DataChunk(WavFormat format, long size, long position)
    {
        var frameBytes = format.Channels * 2;
        if (_stream.CanSeek && position + size > _stream.Length)
        {
            throw Bad($"is truncated: its data chunk declares {size} bytes but only {_stream.Length - position} follow");
        }

        if (size % frameBytes != 0)
        {
            throw Bad($"is truncated: its data chunk of {size} bytes is not a whole number of {frameBytes}-byte frames");
        }

        return (format with { FrameCount = size / frameBytes }, position);
    }

    private WavFormat ReadFormatChunk(long size)
    {
        if (size is < 16 or > 1024)
        {
            throw Bad($"has a 'fmt ' chunk of {size} bytes (16 to 40 expected)");
        }

        Span<byte> fmt = stackalloc byte[(int)size + (int)(size & 1)];
        if (!TryFill(fmt))
        {
            throw Bad("is truncated inside its 'fmt ' chunk");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible && size >= 40)
        {
            // The sub-format GUID starts with the plain format tag.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (tag == FormatFloat)
        {
            throw Bad($"holds {bits}-bit floating-point samples; only 16-bit PCM is read (convert it, e.g. 'sox in.wav -b 16 -e signed-integer out.wav')");
        }

        if (tag != FormatPcm)
        {
            throw Bad($"is compressed (format tag 0x{tag:X4}); only 16-bit PCM is read (convert it, e.g. 'sox in.wav -b 16 -e signed-integer out.wav')");
        }

        if (bits != 16)
        {
            throw Bad($"holds {bits}-bit PCM; only 16-bit PCM is read (convert it, e.g. 'sox in.wav -b 16 out.wav')");
        }

        if (channels == 0 || rate == 0 || rate > int.MaxValue || blockAlign != channels * 2)
        {
            throw Bad($"has an inconsistent 'fmt ' chunk ({channels} channels, {rate} Hz, {blockAlign}-byte frames)");
        }

        return new WavFormat((int)rate, channels, bits, 0);
    }

    private void Skip(long bytes, string id)
    {
        if (_stream.CanSeek)
        {
            if (_stream.Position + bytes > _stream.Length)
            {
                throw Bad($"is truncated inside its '{id.Trim()}' chunk");
            }

            _stream.Seek(bytes, SeekOrigin.Current);
            return;
        }

        for (var left = bytes; left > 0;)
        {
            var n = _stream.Read(_bytes, 0, (int)Math.Min(left, _bytes.Length));
            if (n == 0)
            {
                throw Bad($"is truncated inside its '{id.Trim()}' chunk");
            }

            left -= n;
        }
    }

    private bool TryFill(Span<byte> buffer) => _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;

    private WavFormatException Bad(string what) => new($"WAV file '{Name}' {what}.");
}
