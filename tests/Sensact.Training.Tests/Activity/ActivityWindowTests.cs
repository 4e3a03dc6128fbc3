using System.Numerics;
using Sensact.Devices.Imu;
using Sensact.Training.Activity;

namespace Sensact.Training.Tests.Activity;

public class ActivityWindowTests
{
    [Fact]
    public void Cut_ThousandReadings_ThirtySevenCompleteWindows()
    {
        var recording = new ImuRecording("r", "walking", Enumerable.Range(0, 1000).Select(i => new ImuSample(new Vector3(i, 0, 0))).ToList(), 0);

        var windows = ActivityWindow.Cut(recording, 52, 26).ToList();

        Assert.Equal(37, windows.Count);
        Assert.All(windows, w => Assert.Equal(52, w.Samples.Length));
        Assert.Equal(26f, windows[1].Samples[0].Acceleration.X);
        Assert.Equal(26 * 36, windows[^1].Start);
        Assert.All(windows, w => Assert.Equal(("r", "walking"), (w.Recording, w.Label)));
    }

    [Fact]
    public void Cut_RecordingShorterThanWindow_NoWindows()
    {
        var recording = new ImuRecording("r", "walking", new ImuSample[10], 0);

        Assert.Empty(ActivityWindow.Cut(recording, 52, 26));
    }
}
