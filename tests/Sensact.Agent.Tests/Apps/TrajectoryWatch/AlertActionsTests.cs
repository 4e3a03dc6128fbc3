using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Apps.TrajectoryWatch;

namespace Sensact.Agent.Tests.Apps.TrajectoryWatch;

/// <summary>Action-to-sensing: the rate goes up with the first anomalous track and comes back after the hold.</summary>
public sealed class AlertActionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_AnomalyThenQuiet_RaisesTheRateThenRestoresItAfterTheHold()
    {
        var rates = new RecordingRates(10);
        using var actions = new AlertActions("w", "cam", 20, TimeSpan.FromSeconds(5), rates, NullLogger.Instance);

        actions.Observe(T0, 0);
        Assert.False(actions.Alerting);
        Assert.Empty(rates.Changes);

        actions.Observe(T0.AddSeconds(1), 1);
        Assert.True(actions.Alerting);
        Assert.Equal(20, rates.Current);

        actions.Observe(T0.AddSeconds(2), 2); // still one alert: no second switch
        actions.Observe(T0.AddSeconds(3), 0);
        actions.Observe(T0.AddSeconds(6.9), 0); // 4.9 s since the last anomalous frame
        Assert.True(actions.Alerting);
        Assert.Equal(20, rates.Current);

        actions.Observe(T0.AddSeconds(7), 0);
        Assert.False(actions.Alerting);
        Assert.Equal([20.0, 10.0], rates.Changes.Select(c => c.Hz));
    }

    [Fact]
    public void Dispose_WhileAlerting_RestoresTheRate()
    {
        var rates = new RecordingRates(10);
        var actions = new AlertActions("w", "cam", 20, TimeSpan.FromSeconds(5), rates, NullLogger.Instance);
        actions.Observe(T0, 1);
        actions.Dispose();
        Assert.Equal([20.0, 10.0], rates.Changes.Select(c => c.Hz));
    }

    [Fact]
    public void Observe_NoAlertRate_StopsSkippingButLeavesTheRate()
    {
        var rates = new RecordingRates(10);
        using var actions = new AlertActions("w", "cam", null, TimeSpan.FromSeconds(5), rates, NullLogger.Instance);
        actions.Observe(T0, 1);
        Assert.True(actions.Alerting);
        Assert.Empty(rates.Changes);
    }
}
