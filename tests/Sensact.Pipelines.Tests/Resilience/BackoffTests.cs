using Sensact.Pipelines.Resilience;

namespace Sensact.Pipelines.Tests.Resilience;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 30, 2)]
    [InlineData(16, 30, 30)]
    [InlineData(30, 30, 30)]
    public void Doubled_Delay_DoublesUpToTheMaximum(int seconds, int maxSeconds, int expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), Backoff.Doubled(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(maxSeconds)));

    [Fact]
    public void Doubled_HugeDelay_DoesNotOverflow() =>
        Assert.Equal(TimeSpan.MaxValue, Backoff.Doubled(TimeSpan.MaxValue - TimeSpan.FromTicks(1), TimeSpan.MaxValue));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    [InlineData(1000, 4)]
    public void After_FailuresInARow_DoublesFromTheFirstUpToTheMaximum(int failures, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Backoff.After(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), failures));

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
