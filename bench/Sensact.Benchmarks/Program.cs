using BenchmarkDotNet.Running;
using Sensact.Benchmarks.Activity;

// dotnet run -c Release --project bench/Sensact.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ActivityBenchmarks).Assembly).Run(args);
