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
        using var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var cpu = await CpuMeter.MillisecondsPerSecondAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await ticking.ConfigureAwait(false);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"PeriodicTimer at {hertz} Hz: {cpu:0.0} ms CPU/s, {cpu / hertz * 1000:0} µs CPU per wake-up (the process's own background work included)"));
    }
}
