using System.Globalization;
using BenchmarkDotNet.Running;
using Sensact.Benchmarks.Activity;
using Sensact.Benchmarks.Audio;
using Sensact.Benchmarks.Camera;
using Sensact.Benchmarks.Commands;
using Sensact.Benchmarks.Encoders;
using Sensact.Benchmarks.Outbox;
using Sensact.Benchmarks.Platform;
using Sensact.Benchmarks.Recording;
using Sensact.Benchmarks.Trajectories;

// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*SharedSensor*'   (the hub's frame path, per frame)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*EncoderBenchmarks*'   (Silero VAD and UltraFace against a bare session run)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- encoder-timing [runs]   (the same, interleaved single runs: min and median)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*PipelinedStages*'   (units, encoding, evidence, exit and skip per frame, trivial encoder)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- timer-baseline 26
// dotnet run -c Release --project bench/Sensact.Benchmarks -- camera-convert-timing [iterations]   (min and median per frame)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- pipeline-cpu source|deliver|windows|classify eventloop|taskpool|default
// dotnet run -c Release --project bench/Sensact.Benchmarks -- alsa-alloc [device] [warm-up periods] [measured periods]   (ALSA capture, bytes per period)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- mcap-cpu [rounds]   (MCAP recording per CPU-second; docs/benchmarks.md)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- command-rtt <broker port> <topic root> [count] [concurrent]   (bench/command-rtt.sh)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- outbox-stores [count]   (the outbox's segment log against SQLite and FASTER, appends/s)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- outbox-throughput <broker port> <count> <rate, 0 = as fast as possible> [--Key=value ...]   (bench/outbox-throughput.sh)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- trajectories [rounds]   (scoring throughput, tracking 200 objects at 30 Hz; docs/benchmarks.md "Trajectories")
switch (args)
{
    case ["trajectories", .. var trajectoryRounds]:
        TrajectoryTiming.Run(trajectoryRounds.Length > 0 ? int.Parse(trajectoryRounds[0], CultureInfo.InvariantCulture) : 5);
        return;
    case ["timer-baseline", var hertz]:
        await TimerBaseline.RunAsync(double.Parse(hertz, CultureInfo.InvariantCulture));
        return;
    case ["command-rtt", var port, var root, .. var rest]:
        await CommandRoundTrip.RunAsync(
            int.Parse(port, CultureInfo.InvariantCulture),
            root,
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1000,
            rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 100);
        return;
    case ["outbox-throughput", var port, var count, var rate, .. var overrides]:
        await OutboxThroughput.RunAsync(
            int.Parse(port, CultureInfo.InvariantCulture),
            int.Parse(count, CultureInfo.InvariantCulture),
            int.Parse(rate, CultureInfo.InvariantCulture),
            overrides);
        return;
    case ["outbox-stores", .. var rest]:
        OutboxStores.Run(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 100_000);
        return;
    case ["alsa-alloc", .. var alsa]:
        await AlsaCaptureAllocations.RunAsync(
            alsa.Length > 0 ? alsa[0] : "null",
            alsa.Length > 1 ? int.Parse(alsa[1], CultureInfo.InvariantCulture) : 2_000,
            alsa.Length > 2 ? int.Parse(alsa[2], CultureInfo.InvariantCulture) : 100_000);
        return;
    case ["encoder-timing", .. var runs]:
        EncoderTiming.Run(runs.Length > 0 ? int.Parse(runs[0], CultureInfo.InvariantCulture) : 2000);
        return;
    case ["camera-convert-timing", .. var count]:
        CameraConvertTiming.Run(count.Length > 0 ? int.Parse(count[0], CultureInfo.InvariantCulture) : 1000);
        return;
    case ["mcap-cpu", .. var rounds]:
        McapCpu.Run(rounds.Length > 0 ? int.Parse(rounds[0], CultureInfo.InvariantCulture) : 20);
        return;
    case ["pipeline-cpu", var stage, var scheduler]:
        await PipelineCpu.RunAsync(stage, scheduler);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ActivityBenchmarks).Assembly).Run(args);
        return;
}
