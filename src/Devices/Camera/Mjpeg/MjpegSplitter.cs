namespace Sensact.Devices.Camera.Mjpeg;

/// <summary>
/// Cuts a byte stream of concatenated JPEG images (MJPEG as <c>rpicam-vid --codec mjpeg -o -</c> writes it)
/// into whole images, however the stream is chunked.
/// </summary>
/// <remarks>
/// <para>
/// An image runs from its SOI marker (<c>FF D8</c>) to its EOI marker (<c>FF D9</c>). The splitter walks the
/// markers in between rather than searching for <c>FF D9</c>: segments with a length (APPn, DQT, DHT, SOF,
/// SOS ...) are skipped whole, so an EXIF thumbnail inside APP1 cannot end the image early, and in the
/// entropy-coded data after SOS only a <c>FF</c> followed by something other than <c>00</c> (a stuffed byte)
/// or <c>D0</c>-<c>D7</c> (a restart marker) is a marker. Bytes before an SOI are skipped and counted; an
/// image that grows beyond <see cref="MaxFrameBytes"/> is dropped and the search starts again after its SOI.
/// </para>
/// <para>
/// The caller reads into <see cref="GetWriteSpan"/>, calls <see cref="Advance"/> and then takes every
/// finished image with <see cref="TryReadFrame"/>. The position in the image being parsed is kept between
/// calls, so a stream fed a byte at a time costs no more than one fed in large chunks. The buffer grows
/// to the largest image seen and is reused: splitting allocates nothing in the steady state.
/// </para>
/// </remarks>
internal sealed class MjpegSplitter
{
    private byte[] _buffer;
    private int _length;

    // Parse state, as offsets into _buffer: the image's SOI (-1 while searching for one), how far its
    // markers have been walked, and whether that point is inside entropy-coded data.
    private int _start = -1;
    private int _position;
    private bool _entropy;
    private int _consumed;

    /// <summary>Creates a splitter.</summary>
    /// <param name="maxFrameBytes">The largest image accepted; larger ones are dropped.</param>
    public MjpegSplitter(int maxFrameBytes = 16 * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 4);
        MaxFrameBytes = maxFrameBytes;
        _buffer = new byte[Math.Min(maxFrameBytes, 64 * 1024)];
    }

    /// <summary>Gets the largest image accepted, in bytes.</summary>
    public int MaxFrameBytes { get; }

    /// <summary>Gets how many bytes were skipped: outside any image, or in images dropped for their size or a broken marker.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Gets how many images were dropped because they grew beyond <see cref="MaxFrameBytes"/> or held a broken segment.</summary>
    public long DroppedFrames { get; private set; }

    /// <summary>Gets room to read the next bytes into; valid until the next call.</summary>
    /// <param name="sizeHint">The least room wanted.</param>
    /// <returns>At least <paramref name="sizeHint"/> bytes.</returns>
    public Span<byte> GetWriteSpan(int sizeHint = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeHint);
        Compact();
        if (_buffer.Length - _length < sizeHint)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + sizeHint));
        }

        return _buffer.AsSpan(_length);
    }

    /// <summary>Adds the <paramref name="count"/> bytes just written into <see cref="GetWriteSpan"/>.</summary>
    /// <param name="count">How many bytes were written.</param>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _length);
        _length += count;
    }

    /// <summary>Adds <paramref name="bytes"/> (a copy; <see cref="GetWriteSpan"/> avoids it).</summary>
    /// <param name="bytes">The next bytes of the stream.</param>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        bytes.CopyTo(GetWriteSpan(bytes.Length));
        Advance(bytes.Length);
    }

    /// <summary>Takes the next whole image, if the bytes so far hold one.</summary>
    /// <param name="frame">The image, SOI to EOI; valid until the next call on the splitter.</param>
    /// <returns>Whether an image was found.</returns>
    public bool TryReadFrame(out ReadOnlySpan<byte> frame)
    {
        frame = default;
        while (true)
        {
            if (_start < 0 && !FindStart())
            {
                return false;
            }

            switch (Walk())
            {
                case WalkResult.Complete when _position - _start > MaxFrameBytes:
                    // Whole but too large: skip all of it (what is inside may look like an image too).
                    DroppedFrames++;
                    SkippedBytes += _position - _start;
                    _consumed = _position;
                    _start = -1;
                    continue;
                case WalkResult.Complete:
                    frame = _buffer.AsSpan(_start, _position - _start);
                    _consumed = _position;
                    _start = -1;
                    return true;
                case WalkResult.Broken:
                    Drop();
                    continue;
                default:
                    if (_length - _start > MaxFrameBytes)
                    {
                        Drop();
                        continue;
                    }

                    return false;
            }
        }
    }

    /// <summary>Looks for an SOI from the consumed point; skips what comes before it.</summary>
    private bool FindStart()
    {
        var searched = _buffer.AsSpan(_consumed, _length - _consumed);
        var at = searched.IndexOf([(byte)0xFF, (byte)0xD8]);
        if (at < 0)
        {
            // Keep a trailing FF: it may be the first half of an SOI.
            var keep = searched.Length > 0 && searched[^1] == 0xFF ? 1 : 0;
            SkippedBytes += searched.Length - keep;
            _consumed = _length - keep;
            return false;
        }

        SkippedBytes += at;
        _start = _consumed + at;
        _position = _start + 2;
        _entropy = false;
        return true;
    }

    private WalkResult Walk()
    {
        while (true)
        {
            if (_entropy)
            {
                // Entropy-coded data ends at the first FF that is neither stuffing (FF 00) nor a restart marker.
                var data = _buffer.AsSpan(_position, _length - _position);
                var at = 0;
                while (true)
                {
                    var ff = data[at..].IndexOf((byte)0xFF);
                    if (ff < 0 || at + ff + 1 >= data.Length)
                    {
                        _position += ff < 0 ? data.Length : at + ff;
                        return WalkResult.More;
                    }

                    var next = data[at + ff + 1];
                    if (next == 0x00 || next is >= 0xD0 and <= 0xD7)
                    {
                        at += ff + 2;
                        continue;
                    }

                    _position += at + ff;
                    _entropy = false;
                    break;
                }
            }

            if (_length - _position < 2)
            {
                return WalkResult.More;
            }

            if (_buffer[_position] != 0xFF)
            {
                return WalkResult.Broken;
            }

            var marker = _buffer[_position + 1];
            switch (marker)
            {
                case 0xFF:
                    // Fill byte before a marker.
                    _position++;
                    continue;
                case 0xD9:
                    _position += 2;
                    return WalkResult.Complete;
                case 0xD8 or 0x00:
                    return WalkResult.Broken;
                case 0x01 or (>= 0xD0 and <= 0xD7):
                    _position += 2;
                    continue;
            }

            if (_length - _position < 4)
            {
                return WalkResult.More;
            }

            var segment = (_buffer[_position + 2] << 8) | _buffer[_position + 3];
            if (segment < 2)
            {
                return WalkResult.Broken;
            }

            if (_length - _position < 2 + segment)
            {
                return WalkResult.More;
            }

            _position += 2 + segment;
            _entropy = marker == 0xDA;
        }
    }

    /// <summary>Drops the image being parsed and searches again just after its SOI.</summary>
    private void Drop()
    {
        DroppedFrames++;
        SkippedBytes += 2;
        _consumed = _start + 2;
        _start = -1;
    }

    /// <summary>Moves the unconsumed bytes to the front of the buffer.</summary>
    private void Compact()
    {
        var from = _start >= 0 ? _start : _consumed;
        if (from == 0)
        {
            return;
        }

        _buffer.AsSpan(from, _length - from).CopyTo(_buffer);
        _length -= from;
        _consumed -= Math.Min(_consumed, from);
        if (_start >= 0)
        {
            _position -= from;
            _start = 0;
        }
    }

    private enum WalkResult
    {
        More,
        Complete,
        Broken,
    }
}
