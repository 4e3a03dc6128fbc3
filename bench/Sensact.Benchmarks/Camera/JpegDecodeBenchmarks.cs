using BenchmarkDotNet.Attributes;
using Sensact.Benchmarks.Sensors;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Mjpeg;
using SkiaSharp;

namespace Sensact.Benchmarks.Camera;

/// <summary>
/// An MJPEG camera's cost per frame: one 640x480 JPEG (quality 85, a smooth gradient with noise, about the
/// size a webcam sends) cut from a stream and decoded to a pooled Rgb24 frame, which is then released; the
/// memory diagnoser shows what SkiaSharp's wrappers allocate per frame.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class JpegDecodeBenchmarks
{
    private readonly BufferPool<byte> _pool = new();
    private readonly ImageDecoder _decoder = new();
    private readonly MjpegSplitter _splitter = new();
    private byte[] _jpeg = [];

    [GlobalSetup]
    public void Setup()
    {
        _jpeg = MakeJpeg();
        Decode();
    }

    [Benchmark(Description = "split + decode one 640x480 MJPEG frame to pooled Rgb24")]
    public void Decode()
    {
        _splitter.Write(_jpeg);
        while (_splitter.TryReadFrame(out var frame))
        {
            _decoder.DecodeRgb24(frame, _pool).Release();
        }
    }

    /// <summary>A 640x480 JPEG at quality 85: a smooth gradient with a little noise.</summary>
    internal static byte[] MakeJpeg()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(640, 480, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(3);
        for (var y = 0; y < 480; y++)
        {
            for (var x = 0; x < 640; x++)
            {
                var at = ((y * 640) + x) * 4;
                pixels[at] = (byte)((x / 3) + random.Next(8));
                pixels[at + 1] = (byte)((y / 2) + random.Next(8));
                pixels[at + 2] = (byte)(((x + y) / 5) + random.Next(8));
                pixels[at + 3] = 255;
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
