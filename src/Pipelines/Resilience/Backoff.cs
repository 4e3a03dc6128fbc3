namespace Sensact.Pipelines.Resilience;

/// <summary>
/// Backoff delays, in one place for every retry in the agent (sensor reopening, application restarts,
/// MQTT reconnects): doubling up to a limit, and jitter.
/// </summary>
public static class Backoff
{
    /// <summary>Returns twice <paramref name="delay"/>, at most <paramref name="max"/>; doubling a long delay cannot overflow.</summary>
    /// <param name="delay">The current delay.</param>
    /// <param name="max">The longest delay.</param>
    /// <returns>The next delay.</returns>
    public static TimeSpan Doubled(TimeSpan delay, TimeSpan max) => delay > max - delay ? max : delay + delay;

    /// <summary>Returns the delay after <paramref name="failures"/> failures in a row: <paramref name="first"/>, doubled for each further one, at most <paramref name="max"/>.</summary>
    /// <param name="first">The delay after the first failure.</param>
    /// <param name="max">The longest delay.</param>
    /// <param name="failures">Failures in a row, from 1.</param>
    /// <returns>The delay.</returns>
    public static TimeSpan After(TimeSpan first, TimeSpan max, int failures)
    {
        var delay = first < max ? first : max;
        for (var i = 1; i < failures && delay < max; i++)
        {
            delay = Doubled(delay, max);
        }

        return delay;
    }

    /// <summary>
    /// Returns a wait between half of <paramref name="delay"/> and all of it ("equal jitter"), where
    /// <paramref name="unit"/> in [0, 1) picks the point: agents that lost one broker at one moment
    /// spread their reconnects over half the delay instead of arriving together.
    /// </summary>
    /// <param name="delay">The delay to jitter.</param>
    /// <param name="unit">A random number in [0, 1); clamped to it.</param>
    /// <returns>The jittered wait.</returns>
    public static TimeSpan Jitter(TimeSpan delay, double unit) =>
        TimeSpan.FromTicks(delay.Ticks / 2 + (long)(delay.Ticks / 2 * Math.Clamp(unit, 0, 1)));
}
