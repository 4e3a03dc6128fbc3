namespace Sensact.Agent.Mqtt;

/// <summary>The reconnect delays: doubling up to a limit, each wait jittered.</summary>
internal static class Backoff
{
    /// <summary>Returns twice <paramref name="delay"/>, at most <paramref name="max"/>.</summary>
    public static TimeSpan Double(TimeSpan delay, TimeSpan max) => delay > max - delay ? max : delay + delay;

    /// <summary>
    /// Returns a wait between half of <paramref name="delay"/> and all of it ("equal jitter"), where
    /// <paramref name="unit"/> in [0, 1) picks the point: agents that lost one broker at one moment
    /// spread their reconnects over half the delay instead of arriving together.
    /// </summary>
    public static TimeSpan Jitter(TimeSpan delay, double unit) =>
        TimeSpan.FromTicks(delay.Ticks / 2 + (long)(delay.Ticks / 2 * Math.Clamp(unit, 0, 1)));
}
