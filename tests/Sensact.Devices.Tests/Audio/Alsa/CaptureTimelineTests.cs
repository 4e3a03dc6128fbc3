using Sensact.Devices.Audio.Alsa;

namespace Sensact.Devices.Tests.Audio.Alsa;

public sealed class CaptureTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_RateNotPositive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaptureTimeline(0));

    [Fact]
    public void Next_CountsPeriodsFromTheStart()
    {
        var timeline = new CaptureTimeline(16_000);
        timeline.Start(Start, null);

        Assert.Equal(Start, timeline.Next(512));
        Assert.Equal(Start.AddMilliseconds(32), timeline.Next(512));
        Assert.Equal(Start.AddMilliseconds(64), timeline.Next(512));
    }

    [Fact]
    public void TimeOf_AYearOfFramesAt384kHz_DoesNotOverflow()
    {
        var timeline = new CaptureTimeline(384_000);
        timeline.Start(Start, null);

        Assert.Equal(Start.AddDays(365), timeline.TimeOf(384_000L * 86_400 * 365));
    }

    [Fact]
    public void Restart_DeviceTimes_GapIsTheDeviceTimeNotRead()
    {
        var timeline = new CaptureTimeline(16_000);
        timeline.Start(Start, TimeSpan.FromSeconds(5));
        timeline.Next(512);
        timeline.Skip(100);

        var lost = timeline.Restart(Start.AddHours(1), TimeSpan.FromSeconds(5.5));

        // The injected clock is ignored when the device says when it restarted.
        Assert.Equal(8000 - 612, lost);
        Assert.Equal(Start.AddMilliseconds(500), timeline.Next(512));
    }

    [Fact]
    public void Restart_TwiceWithDeviceTimes_MeasuresEachGapFromTheRunBefore()
    {
        var timeline = new CaptureTimeline(1000);
        timeline.Start(Start, TimeSpan.FromSeconds(1));
        timeline.Next(100);
        timeline.Restart(Start, TimeSpan.FromSeconds(1.5));
        timeline.Next(100);

        var lost = timeline.Restart(Start, TimeSpan.FromSeconds(3));

        Assert.Equal(1400, lost);
        Assert.Equal((Start.AddSeconds(2), 400 + 1400L), (timeline.Next(100), timeline.LostFrames));
    }

    [Fact]
    public void Restart_DeviceClockGoingBack_FallsBackOnTheInjectedClock()
    {
        var timeline = new CaptureTimeline(1000);
        timeline.Start(Start, TimeSpan.FromSeconds(9));
        timeline.Next(100);

        var lost = timeline.Restart(Start.AddMilliseconds(250), TimeSpan.FromSeconds(1));

        Assert.Equal(150, lost);
    }

    [Fact]
    public void Restart_InjectedClockBehindTheAudioRead_IsNoGap()
    {
        var timeline = new CaptureTimeline(1000);
        timeline.Start(Start, null);
        timeline.Next(100);

        Assert.Equal(0, timeline.Restart(Start.AddMilliseconds(50), null));
        Assert.Equal(Start.AddMilliseconds(100), timeline.Next(100));
    }
}
