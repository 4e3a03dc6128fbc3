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

    /// <summary>
    /// Gets a track in fractions of the camera frame (x / <see cref="TrajectoryScript.WorldWidth"/>,
    /// y / <see cref="TrajectoryScript.WorldHeight"/>): where the camera rendering draws the face's
    /// centre, so the units a face detector reports.
    /// </summary>
    /// <param name="track">A track in metres.</param>
    /// <returns>The same track in fractions of the frame.</returns>
    public static SimulatedTrack InFrame(SimulatedTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track with
        {
            Points = [.. track.Points.Select(p => p with { X = p.X / TrajectoryScript.WorldWidth, Y = p.Y / TrajectoryScript.WorldHeight })],
        };
    }

    /// <summary>
    /// Gets the object whose true centre is nearest to a position in fractions of the frame (as a face
    /// detector reports it), within <paramref name="gate"/>; for attributing tracks to the scene's truth.
    /// </summary>
    /// <param name="objects">The objects present (<see cref="TrajectoryScript.ObservationsAt"/>).</param>
    /// <param name="x">The position's x, a fraction of the frame's width.</param>
    /// <param name="y">The position's y, a fraction of the frame's height.</param>
    /// <param name="gate">The farthest an object may be, in fractions of the frame.</param>
    /// <returns>The object's track id, or null when none is within the gate.</returns>
    public static long? NearestObject(ReadOnlySpan<TrajectoryObservation> objects, double x, double y, double gate)
    {
        long? best = null;
        var bestDistance = gate;
        foreach (var o in objects)
        {
            var dx = (o.TrueX / TrajectoryScript.WorldWidth) - x;
            var dy = (o.TrueY / TrajectoryScript.WorldHeight) - y;
            var distance = Math.Sqrt((dx * dx) + (dy * dy));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (o.TrackId, distance);
            }
        }

        return best;
    }
}
