using System.Diagnostics;
using System.Globalization;

namespace Sensact.Benchmarks.Platform;

/// <summary>
/// What one timer wake-up costs on this machine: a bare <see cref="PeriodicTimer"/> doing nothing
/// at a given rate. The replay's per-frame cost is compared against it (docs/benchmarks.md).
/// </summary>
internal static class TimerBaseline
{
    public static async Task RunAsync(double hertz)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / hertz));
        using var process = Process.GetCurrentProcess();
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3) && await timer.WaitForNextTickAsync())
        {
        }

        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var measured = Stopwatch.StartNew();
        var ticks = 0;
        while (measured.Elapsed < TimeSpan.FromSeconds(10) && await timer.WaitForNextTickAsync())
        {
            ticks++;
        }

        process.Refresh();
        var cpuMsPerSecond = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / measured.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"PeriodicTimer at {hertz} Hz: {cpuMsPerSecond:0.0} ms CPU/s, {ticks / measured.Elapsed.TotalSeconds:0} wake-ups/s, {cpuMsPerSecond / (ticks / measured.Elapsed.TotalSeconds) * 1000:0} µs CPU per wake-up"));
    }
}
