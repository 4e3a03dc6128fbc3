using System.Diagnostics;
using System.Globalization;

namespace Sensact.Benchmarks.Recording;

/// <summary>
/// The operations of <see cref="McapRecordingBenchmarks"/> measured in this process's CPU time rather
/// than wall time: on a machine shared with other work, CPU time per frame says what one core does.
/// </summary>
internal static class McapCpu
{
    public static void Run(int rounds)
    {
        var benchmarks = new McapRecordingBenchmarks();
        benchmarks.Setup();
        try
        {
            Measure("replay IMU frame as fast as possible", McapRecordingBenchmarks.ImuFrames, rounds, () => benchmarks.ReplayImu());
            Measure("record IMU frame", McapRecordingBenchmarks.ImuFrames, rounds, benchmarks.RecordImu);
            Measure("read IMU frame back", McapRecordingBenchmarks.ImuFrames, rounds, () => benchmarks.ReadImu());
            var audio = Measure("record 32 ms audio chunk", McapRecordingBenchmarks.AudioChunks, rounds, benchmarks.RecordAudio);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audio: {32e6 / audio:F0}x real time per CPU core"));
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static double Measure(string name, int perInvoke, int rounds, Action operation)
    {
        operation(); // warm-up (JIT, files, pools)
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            operation();
        }

        process.Refresh();
        var operations = (double)perInvoke * rounds;
        var cpuNs = (process.TotalProcessorTime - cpu).TotalMilliseconds * 1e6 / operations;
        var wallNs = wall.Elapsed.TotalMilliseconds * 1e6 / operations;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {cpuNs:F0} ns CPU ({1e9 / cpuNs / 1e6:F2} M per CPU-second), {wallNs:F0} ns wall"));
        return cpuNs;
    }
}
