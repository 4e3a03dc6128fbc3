namespace Sensact.Devices.Recording;

/// <summary>MCAP times (nanoseconds since the Unix epoch, unsigned) to and from <see cref="DateTimeOffset"/>, exact to the tick.</summary>
public static class McapTime
{
    private const long NanosecondsPerTick = 100;

    /// <summary>Converts a time to MCAP nanoseconds.</summary>
    /// <param name="time">A time at or after the Unix epoch.</param>
    /// <returns>Nanoseconds since the Unix epoch (a whole number of ticks).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before the Unix epoch, which MCAP cannot store.</exception>
    public static ulong ToNanoseconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        ArgumentOutOfRangeException.ThrowIfNegative(ticks, nameof(time));
        return (ulong)ticks * NanosecondsPerTick;
    }

    /// <summary>Converts MCAP nanoseconds to a UTC time, dropping what is finer than a tick (100 ns).</summary>
    /// <param name="nanoseconds">Nanoseconds since the Unix epoch.</param>
    /// <returns>The time.</returns>
    public static DateTimeOffset ToTime(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / NanosecondsPerTick));
}
