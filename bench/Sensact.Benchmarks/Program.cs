using System.Globalization;
using BenchmarkDotNet.Running;
using Sensact.Benchmarks.Activity;
using Sensact.Benchmarks.Platform;

// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Sensact.Benchmarks -- timer-baseline 26
if (args is ["timer-baseline", var hertz])
{
    await TimerBaseline.RunAsync(double.Parse(hertz, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ActivityBenchmarks).Assembly).Run(args);
