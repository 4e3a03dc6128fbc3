using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Alsa;
using Sensact.Devices.Buffers;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;

namespace Sensact.Benchmarks.Audio;

/// <summary>
/// Bytes allocated per period by the ALSA capture path in steady state, measured on the capture
/// thread itself (<see cref="GC.GetAllocatedBytesForCurrentThread"/> read in the consumer's
/// <c>OnNext</c>, which runs on that thread): wait and read through libasound, S16 -> float into a
/// pooled buffer, the frame, the stream, and a consumer that releases the chunk. ALSA's <c>null</c>
/// device delivers as fast as it is read, so the same run gives the CPU cost of a period.
/// BenchmarkDotNet's memory diagnoser cannot see this path: it runs on a thread of its own.
/// </summary>
internal static class AlsaCaptureAllocations
{
    public static async Task RunAsync(string device, int warmUp, int measured)
    {
        var options = new AlsaCaptureOptions { Driver = "alsa", Device = device };
        if (AlsaCaptureSource.FindProblem(options) is { } problem)
        {
            Console.WriteLine(problem);
            return;
        }

        var pool = new BufferPool<float>();
        var source = new AlsaCaptureSource("mic", options, pool: pool);
        await ReportAsync("source alone", source.Frames, warmUp, measured).ConfigureAwait(false);

        using var sensor = new SharedSensor<AudioChunk>(source);
        var consumer = sensor.Consume("bench", DeliveryPolicy.DropOldest(256), ImmediateScheduler.Instance);
        await ReportAsync("shared sensor -> DropOldest(256) inline", consumer.Frames, warmUp, measured).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pool: rented {pool.Rented}, arrays created {pool.Created}"));
    }

    private static async Task ReportAsync(string path, IObservable<Frame<AudioChunk>> frames, int warmUp, int measured)
    {
        long count = 0;
        long bytesAtStart = 0;
        long startTicks = 0;
        var done = new TaskCompletionSource<(long Bytes, TimeSpan Elapsed)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (frames.Subscribe(frame =>
        {
            frame.Payload.Release();
            count++;
            if (count == warmUp)
            {
                bytesAtStart = GC.GetAllocatedBytesForCurrentThread();
                startTicks = Stopwatch.GetTimestamp();
            }
            else if (count == warmUp + measured)
            {
                done.TrySetResult((GC.GetAllocatedBytesForCurrentThread() - bytesAtStart, Stopwatch.GetElapsedTime(startTicks)));
            }
        }))
        {
            var (bytes, elapsed) = await done.Task.ConfigureAwait(false);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: {measured} periods of 512 frames after {warmUp} of warm-up: {bytes} bytes allocated on the capture thread ({(double)bytes / measured:0.###} B per period); {elapsed.TotalMicroseconds / measured:0.0} µs wall time per period"));
        }
    }
}
