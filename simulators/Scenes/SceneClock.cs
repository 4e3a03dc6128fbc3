namespace Sensact.Simulators.Scenes;

/// <summary>
/// Maps a stream's frame index to scene time and back, exactly (rational ticks per frame), from the
/// scene epoch: frame <c>k</c> of a stream lies at <c>Epoch + k · TicksPerFrame</c>.
/// </summary>
/// <remarks>
/// Scene time is absolute (the epoch is the Unix epoch), so every sensor of a scene — opened at
/// whatever time — reads the same script at the same instant.
/// </remarks>
internal readonly record struct SceneClock(long TicksNumerator, long TicksDenominator)
{
    /// <summary>The scene epoch: scene time 0.</summary>
    public static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>A clock of <paramref name="framesPerSecond"/>, kept to a thousandth of a frame per second.</summary>
    public static SceneClock FromRate(double framesPerSecond) => new(TimeSpan.TicksPerSecond * 1000L, (long)Math.Round(framesPerSecond * 1000));

    /// <summary>A clock of periods of <paramref name="period"/> samples at <paramref name="sampleRate"/>.</summary>
    public static SceneClock FromPeriods(int sampleRate, int period) => new(TimeSpan.TicksPerSecond * period, sampleRate);

    /// <summary>The frames per second.</summary>
    public double FramesPerSecond => (double)TicksDenominator * TimeSpan.TicksPerSecond / TicksNumerator;

    /// <summary>The scene time of frame <paramref name="index"/>.</summary>
    public DateTimeOffset TimeOf(long index) => Epoch.AddTicks((long)((Int128)index * TicksNumerator / TicksDenominator));

    /// <summary>The last frame at or before <paramref name="time"/>.</summary>
    public long IndexAt(DateTimeOffset time)
    {
        var ticks = (Int128)(time - Epoch).Ticks * TicksDenominator;
        var index = ticks / TicksNumerator;
        return (long)(ticks < 0 && ticks % TicksNumerator != 0 ? index - 1 : index);
    }
}
