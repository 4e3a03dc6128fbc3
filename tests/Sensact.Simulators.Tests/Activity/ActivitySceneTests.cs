using Sensact.Devices.Imu;
using Sensact.Simulators.Activity;
using Sensact.Simulators.Tests.Scenes;

namespace Sensact.Simulators.Tests.Activity;

public sealed class ActivitySceneTests
{
    private static SceneRun.Result<ImuSample> Imu(int seed, TimeSpan span, TimeSpan? duration = null) =>
        SceneRun.Run(s => SimulatedScenes.CreateImu("imu", new() { Scene = "activity", Seed = seed, Duration = duration }, s), span, SceneRun.Bytes, _ => { });

    [Fact]
    public void AMinuteOfScene_Gives1560SamplesAt26Hz()
    {
        var run = Imu(1, TimeSpan.FromMinutes(1));

        Assert.Equal(1560, run.Frames.Count);
        Assert.Equal(SceneRun.T0.AddTicks(1559 * TimeSpan.TicksPerSecond / 26), run.Frames[^1].OriginatingTime);
        Assert.Equal(run.Frames.Select(f => f.OriginatingTime), run.EmittedAt);
    }

    [Fact]
    public void SameSeed_GivesIdenticalSamples_OtherSeedDiffers()
    {
        Assert.Equal(Imu(4, TimeSpan.FromSeconds(30)).Hash, Imu(4, TimeSpan.FromSeconds(30)).Hash);
        Assert.NotEqual(Imu(4, TimeSpan.FromSeconds(30)).Hash, Imu(5, TimeSpan.FromSeconds(30)).Hash);
    }

    [Fact]
    public void Duration_CompletesTheStream()
    {
        var run = Imu(1, TimeSpan.FromMinutes(1), duration: TimeSpan.FromSeconds(2));

        Assert.True(run.Completed);
        Assert.Equal(52, run.Frames.Count);
    }

    [Fact]
    public void Labels_FollowTheScriptsSegments()
    {
        var script = new ActivityScript(2);
        var run = Imu(2, TimeSpan.FromMinutes(2));

        Assert.Equal(run.Frames.Select(f => script.SegmentAt(f.OriginatingTime).Label), run.Labels);
        Assert.True(run.Labels.Distinct().Count() >= 2);
    }

    [Theory]
    [InlineData("stationary", 9.3, 10.3, 0.0, 0.2)]
    [InlineData("walking", 9.0, 10.6, 1.0, 3.5)]
    [InlineData("running", 8.0, 13.0, 4.0, 12.0)]
    public void Samples_HaveGravityAndGaitInMetresPerSecondSquared(string label, double meanLow, double meanHigh, double stdLow, double stdHigh)
    {
        var script = new ActivityScript(3);
        var segment = Enumerable.Range(0, 500).Select(i => script.SegmentAt(SceneRun.T0.AddSeconds(20 * i))).First(s => s.Label == label);
        var magnitudes = Enumerable.Range(0, 26 * 18)
            .Select(i => (double)script.SampleAt(segment.Start.AddSeconds(1 + (i / 26.0)), i).Acceleration.Length())
            .ToList();
        var mean = magnitudes.Average();
        var std = Math.Sqrt(magnitudes.Average(m => (m - mean) * (m - mean)));

        Assert.InRange(mean, meanLow, meanHigh);
        Assert.InRange(std, stdLow, stdHigh);
        Assert.All(magnitudes, m => Assert.True(m < 4 * 9.80665 * Math.Sqrt(3)));
    }
}
