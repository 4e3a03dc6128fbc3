using System.Diagnostics;
using System.Globalization;

namespace Sensact.Benchmarks.Encoders;

/// <summary>
/// What the encoders add over a bare session run, timed as interleaved single runs (bare, encoder,
/// bare, encoder, ...) so that both see the same load on a shared machine; reported as minimum and
/// median, and their ratios. <see cref="EncoderBenchmarks"/> (BenchmarkDotNet) is the other view.
/// </summary>
internal static class EncoderTiming
{
    public static void Run(int runs)
    {
        var benchmarks = new EncoderBenchmarks();
        benchmarks.Setup();
        try
        {
            Console.WriteLine($"{runs} interleaved single runs each, one ONNX Runtime thread; times in ms (min / median)");
            Compare("Silero VAD, 1 unit of 512 samples", runs, benchmarks.VadBareRun, () => benchmarks.VadEncode());
            Compare("UltraFace RFB-320, astronaut 512x512", Math.Max(1, runs / 20), benchmarks.RfbBareRun, () => benchmarks.RfbDetect());
            Compare("UltraFace slim-320, astronaut 512x512", Math.Max(1, runs / 20), benchmarks.SlimBareRun, () => benchmarks.SlimDetect());
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static void Compare(string what, int runs, Action bare, Action encoder)
    {
        for (var i = 0; i < Math.Min(runs, 50); i++)
        {
            bare();
            encoder();
        }

        var bareTimes = new double[runs];
        var encoderTimes = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            bareTimes[i] = Time(bare);
            encoderTimes[i] = Time(encoder);
        }

        Array.Sort(bareTimes);
        Array.Sort(encoderTimes);
        var (bareMin, bareMedian) = (bareTimes[0], bareTimes[runs / 2]);
        var (encoderMin, encoderMedian) = (encoderTimes[0], encoderTimes[runs / 2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: bare {bareMin:F3} / {bareMedian:F3}, encoder {encoderMin:F3} / {encoderMedian:F3}, ratio {encoderMin / bareMin:F3} (min) {encoderMedian / bareMedian:F3} (median)"));
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
