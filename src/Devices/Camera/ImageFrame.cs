using Sensact.Devices.Buffers;

namespace Sensact.Devices.Camera;

/// <summary>One camera image, its pixels held in a pooled buffer.</summary>
/// <remarks>
/// <para>
/// The frame holds one reference to <see cref="Pixels"/> and lives until that reference is released:
/// the source that rents the buffer fills it, builds the frame and hands it to the stream; whoever holds
/// the frame then passes it on, keeps it with <see cref="AddRef"/>, or calls <see cref="Release"/> exactly
/// once (the rule is on <see cref="SharedBuffer{T}"/>). After that the pixels must not be read.
/// </para>
/// <para>
/// Row <c>y</c> starts at byte <c>y * Stride</c> and holds <c>Width * BytesPerPixel</c> bytes; the padding
/// after it, if any, means nothing. The frame is immutable and its pixels are read-only for every holder,
/// since others may share them. Copying the struct does not add a reference.
/// </para>
/// </remarks>
public readonly record struct ImageFrame : ISharedPayload<ImageFrame>
{
    /// <summary>Initializes a frame that takes over the caller's reference to <paramref name="pixels"/>.</summary>
    /// <remarks>When the constructor throws, the caller still holds the reference.</remarks>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="format">How the pixels are laid out.</param>
    /// <param name="stride">Bytes from the start of one row to the start of the next, at least <c>width * BytesPerPixel</c>.</param>
    /// <param name="pixels">The pixel bytes, rows top to bottom; the last row needs no padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="width"/> or <paramref name="height"/> is not positive, <paramref name="format"/> is not
    /// a defined format, <paramref name="stride"/> is shorter than a row, or <paramref name="width"/> is odd
    /// for <see cref="ImagePixelFormat.Yuyv"/>.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> is shorter than the image.</exception>
    public ImageFrame(int width, int height, ImagePixelFormat format, int stride, SharedBuffer<byte> pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var rowBytes = (long)width * BytesPerPixelOf(format);
        if (format == ImagePixelFormat.Yuyv && width % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "A YUYV image has an even width: two pixels share one U and one V.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(stride, rowBytes);
        var needed = ((long)stride * (height - 1)) + rowBytes;
        if (pixels.Length < needed)
        {
            throw new ArgumentException(
                $"A {width}x{height} {format} image with stride {stride} needs {needed} bytes, but the buffer holds {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Format = format;
        Stride = stride;
        Pixels = pixels;
    }

    /// <summary>Gets the width in pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height in pixels.</summary>
    public int Height { get; }

    /// <summary>Gets how the pixels are laid out.</summary>
    public ImagePixelFormat Format { get; }

    /// <summary>Gets the bytes from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>Gets the reference to the pixel bytes.</summary>
    public SharedBuffer<byte> Pixels { get; }

    /// <summary>Gets the bytes per pixel of <see cref="Format"/>.</summary>
    public int BytesPerPixel => BytesPerPixelOf(Format);

    /// <summary>Creates another reference to the same pixels, for a holder that releases it on its own.</summary>
    /// <returns>The same frame holding the new reference.</returns>
    /// <exception cref="ObjectDisposedException">This frame's reference was already released.</exception>
    /// <exception cref="InvalidOperationException">The pixels already have 32 live references.</exception>
    public ImageFrame AddRef() => new(Width, Height, Format, Stride, Pixels.AddRef());

    /// <summary>Releases this frame's reference to its pixels.</summary>
    /// <exception cref="ObjectDisposedException">This frame's reference was already released.</exception>
    public void Release() => Pixels.Release();

    private static int BytesPerPixelOf(ImagePixelFormat format) => format switch
    {
        ImagePixelFormat.Rgb24 => 3,
        ImagePixelFormat.Gray8 => 1,
        ImagePixelFormat.Yuyv => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a defined pixel format."),
    };
}
