namespace Sensact.Simulators.Trajectories;

/// <summary>Offline access to the <c>trajectory-watch</c> scene: complete tracks with their truth, for training and evaluation.</summary>
public static class TrajectoryScenes
{
    /// <summary>
    /// Gets every track of the scene of <paramref name="seed"/> that enters and leaves within the first
    /// <paramref name="duration"/> of scene time, its measured points sampled at <paramref name="rateHz"/>
    /// (on the scene's grid: point times are whole multiples of 1 / rate), in order of entry.
    /// </summary>
    /// <param name="seed">The scene's seed.</param>
    /// <param name="duration">How much scene time, from the epoch.</param>
    /// <param name="rateHz">Samples per second, 0.1 to 1000.</param>
    /// <returns>The complete tracks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or the rate out of range.</exception>
    public static IReadOnlyList<SimulatedTrack> Tracks(int seed, TimeSpan duration, double rateHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (!(rateHz is >= 0.1 and <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, "The rate must be between 0.1 and 1000 samples per second.");
        }

        return new TrajectoryScript(seed).CompleteTracks(duration, rateHz);
    }
}
