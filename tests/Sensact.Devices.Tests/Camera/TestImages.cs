using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using SkiaSharp;

namespace Sensact.Devices.Tests.Camera;

/// <summary>Images for the camera tests: the shipped photograph, JPEG encoding, BT.601 YUYV made here.</summary>
internal static class TestImages
{
    public static string AstronautPath { get; } = Path.Combine(AppContext.BaseDirectory, "data", "images", "astronaut.png");

    /// <summary>Decodes the photograph (512x512) into an Rgb24 frame from <paramref name="pool"/>.</summary>
    public static ImageFrame Astronaut(BufferPool<byte> pool) => new ImageDecoder().DecodeRgb24(File.ReadAllBytes(AstronautPath), pool);

    /// <summary>Encodes packed RGB pixels as a JPEG file.</summary>
    public static byte[] Jpeg(ReadOnlySpan<byte> rgb, int width, int height, int quality = 90)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = bitmap.GetPixelSpan();
        for (int from = 0, to = 0; from < rgb.Length; from += 3, to += 4)
        {
            rgba[to] = rgb[from];
            rgba[to + 1] = rgb[from + 1];
            rgba[to + 2] = rgb[from + 2];
            rgba[to + 3] = 255;
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>A small JPEG of one colour.</summary>
    public static byte[] SolidJpeg(int width, int height, byte red, byte green, byte blue)
    {
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i += 3)
        {
            (rgb[i], rgb[i + 1], rgb[i + 2]) = (red, green, blue);
        }

        return Jpeg(rgb, width, height);
    }

    /// <summary>
    /// Converts an Rgb24 frame to YUYV as a camera would: BT.601 limited range, each pair's U and V the mean of
    /// its two pixels, rounded.
    /// </summary>
    public static ImageFrame ToYuyv(in ImageFrame rgb, BufferPool<byte> pool)
    {
        var stride = rgb.Width * 2;
        var yuyv = pool.Rent(stride * rgb.Height);
        var source = rgb.Pixels.Span;
        var target = yuyv.Span;
        for (var row = 0; row < rgb.Height; row++)
        {
            for (var x = 0; x < rgb.Width; x += 2)
            {
                var (y0, u0, v0) = Bt601(source.Slice((row * rgb.Stride) + (x * 3), 3));
                var (y1, u1, v1) = Bt601(source.Slice((row * rgb.Stride) + ((x + 1) * 3), 3));
                var at = (row * stride) + (x * 2);
                target[at] = Byte(y0);
                target[at + 1] = Byte((u0 + u1) / 2);
                target[at + 2] = Byte(y1);
                target[at + 3] = Byte((v0 + v1) / 2);
            }
        }

        return new ImageFrame(rgb.Width, rgb.Height, ImagePixelFormat.Yuyv, stride, yuyv);
    }

    private static (double Y, double U, double V) Bt601(ReadOnlySpan<byte> rgb)
    {
        var (r, g, b) = ((double)rgb[0], (double)rgb[1], (double)rgb[2]);
        var y = 16 + (((65.481 * r) + (128.553 * g) + (24.966 * b)) / 255);
        var u = 128 + (((-37.797 * r) - (74.203 * g) + (112.0 * b)) / 255);
        var v = 128 + (((112.0 * r) - (93.786 * g) - (18.214 * b)) / 255);
        return (y, u, v);
    }

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
