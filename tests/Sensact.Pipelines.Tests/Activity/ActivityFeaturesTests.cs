using System.Numerics;
using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Activity;

public class ActivityFeaturesTests
{
    private static int Index(string name) => ActivityFeatures.Names.ToList().IndexOf(name);

    private static float[] Extract(ImuSample[] window)
    {
        var features = new float[ActivityFeatures.Count];
        ActivityFeatures.Extract(window, features);
        return features;
    }

    private static ImuSample[] Walk(int length, Func<int, Vector3> at) =>
        Enumerable.Range(0, length).Select(i => at(i)).Select(mg => ImuSample.FromMilliG(mg.X, mg.Y, mg.Z)).ToArray();

    [Fact]
    public void Names_Always_UniqueAndAsManyAsCount()
    {
        Assert.Equal(ActivityFeatures.Count, ActivityFeatures.Names.Count);
        Assert.Equal(ActivityFeatures.Count, ActivityFeatures.Names.Distinct().Count());
        Assert.InRange(ActivityFeatures.Count, 10, 20);
    }

    [Fact]
    public void Extract_ConstantSignal_ZeroSpreadAndFullGravity()
    {
        var features = Extract(Walk(52, _ => new Vector3(0, 600, 800)));

        Assert.Equal(1f, features[Index("magnitude_mean")], 5);
        Assert.Equal(1f, features[Index("magnitude_min")], 5);
        Assert.Equal(1f, features[Index("magnitude_max")], 5);
        foreach (var zero in new[] { "magnitude_std", "magnitude_range", "magnitude_mean_abs_deviation", "magnitude_skewness",
                     "magnitude_mean_abs_diff", "magnitude_mean_crossing_rate", "vector_mean_abs_diff", "total_axis_std",
                     "axis_std_largest", "axis_std_smallest", "dominant_frequency", "dominant_power_fraction" })
        {
            Assert.Equal(0f, features[Index(zero)], 5);
        }

        Assert.Equal(1f, features[Index("gravity_fraction")], 5);
        Assert.All(features, f => Assert.True(float.IsFinite(f)));
    }

    [Fact]
    public void Extract_AllZeroWindow_FiniteZeros()
    {
        var features = Extract(new ImuSample[8]);

        Assert.All(features, f => Assert.Equal(0f, f));
    }

    [Fact]
    public void Extract_SinusoidalMagnitude_DominantFrequencyIsTheSinusoid()
    {
        // 4 cycles in 52 samples: 2 Hz at 26 Hz, inside the 1-3 Hz band.
        var features = Extract(Walk(52, i => new Vector3(0, 0, 1000 + (300 * MathF.Sin((2 * MathF.PI * 4 * i / 52) + 0.3f)))));

        Assert.Equal(4f / 52, features[Index("dominant_frequency")], 5);
        Assert.Equal(1f, features[Index("dominant_power_fraction")], 3);
        Assert.Equal(1f, features[Index("mid_band_power_fraction")], 3);
        Assert.Equal(0f, features[Index("low_band_power_fraction")], 3);
        Assert.Equal(0.3f / MathF.Sqrt(2), features[Index("magnitude_std")], 3);
        // Phase runs from 0.3 to 8 pi - 0.18: it crosses k pi for k = 1..7.
        Assert.Equal(7f / 51, features[Index("magnitude_mean_crossing_rate")], 5);
    }

    [Fact]
    public void Extract_RotatedSensor_SameFeatures()
    {
        var random = new Random(7);
        var window = Walk(52, i => new Vector3(200 * MathF.Sin(i * 0.7f), 1000 + (400 * MathF.Cos(i * 0.5f)), (float)(random.NextDouble() * 300)));
        var rotation = Quaternion.CreateFromYawPitchRoll(0.9f, -1.2f, 2.1f);
        var rotated = window.Select(s => new ImuSample(Vector3.Transform(s.Acceleration, rotation))).ToArray();

        var original = Extract(window);
        var turned = Extract(rotated);

        foreach (var name in ActivityFeatures.Names.Where(n => !n.StartsWith("axis_std_", StringComparison.Ordinal)))
        {
            Assert.True(Math.Abs(original[Index(name)] - turned[Index(name)]) < 1e-3, $"{name}: {original[Index(name)]} vs {turned[Index(name)]}");
        }
    }

    [Fact]
    public void Extract_AxesSwapped_SameFeatures()
    {
        var window = Walk(52, i => new Vector3(100 * MathF.Sin(i), 900, 300 * MathF.Cos(i * 0.3f)));
        var swapped = window.Select(s => new ImuSample(new Vector3(s.Acceleration.Z, -s.Acceleration.X, s.Acceleration.Y))).ToArray();

        Assert.Equal(Extract(window), Extract(swapped));
    }

    [Fact]
    public void Extract_LongWindow_SameAsDirectComputationOnPooledBuffer()
    {
        // Beyond the stack limit the magnitude buffer comes from the pool; results must not change.
        var features = Extract(Walk(2048, _ => new Vector3(0, 0, 1000)));

        Assert.Equal(1f, features[Index("magnitude_mean")], 5);
        Assert.Equal(0f, features[Index("magnitude_std")], 5);
    }

    [Fact]
    public void Extract_WarmCall_AllocatesNothing()
    {
        var window = Walk(52, i => new Vector3(i, 1000 - i, 3 * i));
        var features = new float[ActivityFeatures.Count];
        Assert.Equal(0, Allocations.SteadyState(() => ActivityFeatures.Extract(window, features)));
    }

    [Fact]
    public void Extract_OneSample_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("window", () => ActivityFeatures.Extract(new ImuSample[1], new float[ActivityFeatures.Count]));

    [Fact]
    public void Extract_ShortDestination_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("destination", () => ActivityFeatures.Extract(new ImuSample[4], new float[ActivityFeatures.Count - 1]));
}
