using System.Diagnostics;

namespace Sensact.Benchmarks.Platform;

/// <summary>Measures this process's CPU time while something runs in the background.</summary>
internal static class CpuMeter
{
    /// <summary>Waits out <paramref name="warmUp"/>, then returns the CPU milliseconds per second spent over <paramref name="window"/>.</summary>
    public static async Task<double> MillisecondsPerSecondAsync(TimeSpan warmUp, TimeSpan window)
    {
        await Task.Delay(warmUp).ConfigureAwait(false);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        var measured = Stopwatch.StartNew();
        await Task.Delay(window).ConfigureAwait(false);
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / measured.Elapsed.TotalSeconds;
    }
}
