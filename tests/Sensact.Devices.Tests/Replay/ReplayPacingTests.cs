using System.Reactive.Concurrency;
using Sensact.Devices.Replay;

namespace Sensact.Devices.Tests.Replay;

public sealed class ReplayPacingTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Recorded = new(2026, 1, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Run_AsFastAsPossibleWithOrigin_StampsOriginPlusOffsets()
    {
        var stamps = Run(asFastAsPossible: true, origin: Recorded);

        Assert.Equal([Recorded, Recorded.AddSeconds(0.5), Recorded.AddSeconds(1)], stamps);
    }

    [Fact]
    public void Run_AsFastAsPossibleWithoutOrigin_StampsFromTheSchedulersStart()
    {
        var stamps = Run(asFastAsPossible: true, origin: null);

        Assert.Equal([Now, Now.AddSeconds(0.5), Now.AddSeconds(1)], stamps);
    }

    [Fact]
    public void Run_PacedWithOrigin_IgnoresItAndStampsTheSchedulersTime()
    {
        var stamps = Run(asFastAsPossible: false, origin: Recorded);

        Assert.Equal([Now, Now.AddSeconds(0.5), Now.AddSeconds(1)], stamps);
    }

    private static List<DateTimeOffset> Run(bool asFastAsPossible, DateTimeOffset? origin)
    {
        var scheduler = new HistoricalScheduler(Now);
        var stamps = new List<DateTimeOffset>();
        using var loop = ReplayPacing.Run(
            scheduler,
            new ReplayOptions { AsFastAsPossible = asFastAsPossible },
            ReplayPacing.FixedRate(2),
            (i, time) =>
            {
                stamps.Add(time);
                return i < 2;
            },
            origin);
        scheduler.Start();
        return stamps;
    }
}
