using System.Globalization;
using BenchmarkDotNet.Running;
using Sensact.Benchmarks.Activity;
using Sensact.Benchmarks.Platform;

// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*SharedSensor*'   (the hub's frame path, per frame)
// dotnet run -c Release --project bench/Sensact.Benchmarks -- timer-baseline 26
// dotnet run -c Release --project bench/Sensact.Benchmarks -- pipeline-cpu source|deliver|windows|classify eventloop|taskpool|default
switch (args)
{
    case ["timer-baseline", var hertz]:
        await TimerBaseline.RunAsync(double.Parse(hertz, CultureInfo.InvariantCulture));
        return;
    case ["pipeline-cpu", var stage, var scheduler]:
        await PipelineCpu.RunAsync(stage, scheduler);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ActivityBenchmarks).Assembly).Run(args);
        return;
}
