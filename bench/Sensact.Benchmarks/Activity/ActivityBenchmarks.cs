using System.Numerics;
using BenchmarkDotNet.Attributes;
using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;

namespace Sensact.Benchmarks.Activity;

/// <summary>The per-window cost of the activity pipeline: features, then ONNX Runtime.</summary>
[MemoryDiagnoser]
[InProcess]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup] and needs an unsealed class.
public class ActivityBenchmarks
#pragma warning restore CA1001
{
    private readonly float[] _features = new float[ActivityFeatures.Count];
    private ImuSample[] _window = [];
    private OnnxActivityClassifier? _classifier;

    [GlobalSetup]
    public void Setup()
    {
        // A walking-like window: 2 s at 26 Hz with a 1.8 Hz swing on top of gravity.
        _window = Enumerable.Range(0, 52)
            .Select(i => ImuSample.FromMilliG(120 * MathF.Sin(i * 0.43f), 980 + (350 * MathF.Sin(i * 0.435f)), 200 * MathF.Cos(i * 0.21f)))
            .ToArray();
        _classifier = OnnxActivityClassifier.Load(Path.Combine(AppContext.BaseDirectory, "models", "activity", OnnxActivityClassifier.FileName));
        ActivityFeatures.Extract(_window, _features);
    }

    [Benchmark]
    public void Features() => ActivityFeatures.Extract(_window, _features);

    [Benchmark]
    public ActivityPrediction Classify() => _classifier!.Classify(_features);

    [Benchmark(Baseline = true)]
    public ActivityPrediction FeaturesAndClassify()
    {
        ActivityFeatures.Extract(_window, _features);
        return _classifier!.Classify(_features);
    }

    [GlobalCleanup]
    public void Cleanup() => _classifier?.Dispose();
}
