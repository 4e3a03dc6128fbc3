using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 30, 2)]
    [InlineData(16, 30, 30)]
    [InlineData(30, 30, 30)]
    public void Double_Delay_DoublesUpToTheMaximum(int seconds, int maxSeconds, int expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), Backoff.Double(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(maxSeconds)));

    [Fact]
    public void Double_HugeDelay_DoesNotOverflow() =>
        Assert.Equal(TimeSpan.MaxValue, Backoff.Double(TimeSpan.MaxValue - TimeSpan.FromTicks(1), TimeSpan.MaxValue));

    [Theory]
    [InlineData(0.0, 5_000)]
    [InlineData(0.5, 7_500)]
    [InlineData(0.999, 9_995)]
    [InlineData(-1, 5_000)]
    [InlineData(2, 10_000)]
    public void Jitter_Unit_PicksBetweenHalfAndAllOfTheDelay(double unit, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.Jitter(TimeSpan.FromSeconds(10), unit));

    [Fact]
    public void Jitter_ManyAgents_SpreadTheirReconnects()
    {
        var random = new Random(7);
        var waits = Enumerable.Range(0, 100).Select(_ => Backoff.Jitter(TimeSpan.FromSeconds(8), random.NextDouble())).ToList();

        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)));
        Assert.True(waits.Distinct().Count() > 90);
    }
}
