using System.Diagnostics;
using System.Globalization;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Mjpeg;
using Sensact.Devices.Camera.Tensors;

namespace Sensact.Benchmarks.Camera;

/// <summary>
/// The converter's time per frame on one thread, as the minimum and median of many single conversions:
/// on a shared, loaded machine the minimum shows the work itself, the median what contention adds.
/// BenchmarkDotNet's mean (<see cref="CameraConvertBenchmarks"/>) is the other view.
/// </summary>
internal static class CameraConvertTiming
{
    public static void Run(int iterations)
    {
        var pool = new BufferPool<byte>();
        var pixels = pool.Rent(640 * 480 * 2);
        new Random(7).NextBytes(pixels.Span);
        var frame = new ImageFrame(640, 480, ImagePixelFormat.Yuyv, 1280, pixels);
        var converter = new ImageTensorConverter(TensorLayout.UltraFace320);
        var tensor = new float[converter.Length];
        var copy = new byte[pixels.Length];
        Console.WriteLine($"{iterations} single runs each, one thread; times in ms (min / median)");
        var copyTimes = Time(iterations, () => pixels.Span.CopyTo(copy));
        var convertTimes = Time(iterations, () => converter.Convert(frame, tensor));
        Report("copy 614,400 bytes", copyTimes);
        Report("YUYV 640x480 -> 320x240 RGB planar float", convertTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio convert / copy: {convertTimes[0] / copyTimes[0]:F1} (min), {Median(convertTimes) / Median(copyTimes):F1} (median)"));
        frame.Release();

        var jpeg = JpegDecodeBenchmarks.MakeJpeg();
        var splitter = new MjpegSplitter();
        var decoder = new ImageDecoder();
        var decodeTimes = Time(Math.Max(1, iterations / 10), () =>
        {
            splitter.Write(jpeg);
            while (splitter.TryReadFrame(out var image))
            {
                decoder.DecodeRgb24(image, pool).Release();
            }
        });
        Report($"split + decode 640x480 MJPEG ({jpeg.Length} B)", decodeTimes);
    }

    private static double[] Time(int iterations, Action action)
    {
        for (var i = 0; i < 50; i++)
        {
            action();
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static double Median(double[] sorted) => sorted[sorted.Length / 2];

    private static void Report(string what, double[] sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} {sorted[0],8:F3} / {Median(sorted),8:F3}"));
}
