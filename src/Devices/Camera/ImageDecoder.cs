using Sensact.Devices.Buffers;
using SkiaSharp;

namespace Sensact.Devices.Camera;

/// <summary>
/// Decodes JPEG (a camera's MJPEG frames) and PNG images with SkiaSharp into <see cref="ImagePixelFormat.Rgb24"/>
/// frames in pooled buffers.
/// </summary>
/// <remarks>
/// <para>
/// Skia decodes straight into memory of ours: a pinned scratch buffer (RGBA, Skia has no 3-byte format) kept
/// by the decoder and grown only when an image is larger than any before; the pixels are then packed to RGB
/// into a buffer rented from the pool. The encoded bytes are handed to Skia without a copy. What still
/// allocates per image: the two small managed wrappers SkiaSharp makes (<see cref="SKData"/>,
/// <see cref="SKCodec"/>) and the decoder's own native state inside Skia (libjpeg-turbo / libpng).
/// </para>
/// <para>Not thread-safe (one scratch buffer): give each source its own.</para>
/// </remarks>
internal sealed class ImageDecoder
{
    private byte[] _scratch = [];

    /// <summary>Reads an image's size from its header without decoding the pixels.</summary>
    /// <param name="encoded">A whole PNG or JPEG file.</param>
    /// <returns>The size, or <c>null</c> when Skia does not recognise the data as an image.</returns>
    public static unsafe (int Width, int Height)? ReadSize(ReadOnlySpan<byte> encoded)
    {
        fixed (byte* data = encoded)
        {
            using var skData = SKData.Create((nint)data, encoded.Length);
            using var codec = skData is null ? null : SKCodec.Create(skData);
            return codec is null ? null : (codec.Info.Width, codec.Info.Height);
        }
    }

    /// <summary>Decodes one image into a new <see cref="ImagePixelFormat.Rgb24"/> frame whose buffer comes from <paramref name="pool"/>.</summary>
    /// <param name="encoded">A whole PNG or JPEG file (one MJPEG frame: SOI to EOI).</param>
    /// <param name="pool">Where the frame's pixels are rented.</param>
    /// <returns>The frame; the caller holds its reference.</returns>
    /// <exception cref="InvalidDataException">The data is not an image Skia decodes, or is cut short or corrupt.</exception>
    public unsafe ImageFrame DecodeRgb24(ReadOnlySpan<byte> encoded, BufferPool<byte> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        fixed (byte* data = encoded)
        {
            using var skData = SKData.Create((nint)data, encoded.Length);
            using var codec = (skData is null ? null : SKCodec.Create(skData))
                ?? throw new InvalidDataException($"{encoded.Length} bytes that are not a PNG or JPEG image.");
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            if (_scratch.Length < info.BytesSize)
            {
                _scratch = GC.AllocateUninitializedArray<byte>(info.BytesSize, pinned: true);
            }

            fixed (byte* rgba = _scratch)
            {
                var result = codec.GetPixels(info, (nint)rgba);
                if (result != SKCodecResult.Success)
                {
                    throw new InvalidDataException($"A {width}x{height} {codec.EncodedFormat} image of {encoded.Length} bytes did not decode: {result}.");
                }
            }

            var pixels = pool.Rent(width * height * 3);
            PackRgb(_scratch.AsSpan(0, width * height * 4), pixels.Span);
            return new ImageFrame(width, height, ImagePixelFormat.Rgb24, width * 3, pixels);
        }
    }

    private static void PackRgb(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        for (int from = 0, to = 0; from < rgba.Length; from += 4, to += 3)
        {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
        }
    }
}
