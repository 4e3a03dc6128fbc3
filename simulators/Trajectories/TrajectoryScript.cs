using Sensact.Simulators.Scenes;
using Sensact.Simulators.SpeakerWatch;

namespace Sensact.Simulators.Trajectories;

/// <summary>
/// The <c>trajectory-watch</c> scene: a 48 m x 36 m area seen from above with two opposite road lanes
/// and a curved walkway; objects enter at seeded times, follow their lane with smoothly varying speed,
/// lateral wander and measurement noise, and about 15 % of them misbehave (<see cref="TrajectoryAnomalyKind"/>)
/// from a seeded onset. Positions in metres, x to the right, y downwards (as in the camera's frame).
/// </summary>
/// <remarks>
/// A pure function of (seed, scene time): every object is drawn from a hash of the seed, its lane and
/// its slot (lane <c>l</c> has one slot every <c>SlotSeconds</c>, filled with probability 0.7), and
/// its path is in closed form, so any instant is computed without replaying the past, and a camera
/// and a position reader of one scene agree. About 42 tracks a minute, about 10 in view at once.
/// </remarks>
public sealed class TrajectoryScript
{
    /// <summary>The number of lanes.</summary>
    public const int LaneCount = 3;

    /// <summary>The scene's width in metres (x from 0 to this).</summary>
    public const double WorldWidth = 48;

    /// <summary>The scene's height in metres (y from 0 to this).</summary>
    public const double WorldHeight = 36;

    /// <summary>The height of an object's face as drawn by the camera, metres.</summary>
    public const double FaceHeight = 4.5;

    /// <summary>The standard deviation of the measurement noise on each coordinate, metres.</summary>
    public const double MeasurementNoise = 0.05;

    private static readonly string[] Backgrounds = ["gravel", "grass", "brick"];
    private const ulong NoiseDraw = 0xC2;

    private readonly TrajectoryLane[] _lanes =
    [
        TrajectoryLane.Straight("eastbound road", 0, 15, WorldWidth, 15, slotSeconds: 2.5, minSpeed: 3.2, maxSpeed: 4.8, halfWidth: 1.75, wander: 0.35),
        TrajectoryLane.Straight("westbound road", WorldWidth, 21, 0, 21, slotSeconds: 2.5, minSpeed: 3.2, maxSpeed: 4.8, halfWidth: 1.75, wander: 0.35),
        TrajectoryLane.Arc("walkway", 24, WorldHeight, 12, 10, 96, slotSeconds: 5, minSpeed: 1.1, maxSpeed: 1.7, halfWidth: 1.0, wander: 0.3),
    ];

    private readonly long[] _lookBack;

    /// <summary>Creates the script of one seed.</summary>
    /// <param name="seed">The scene's seed.</param>
    public TrajectoryScript(int seed)
    {
        Seed = seed;
        Background = Backgrounds[(int)(SceneRandom.Hash(seed, NoiseDraw, -1) % (ulong)Backgrounds.Length)];
        _lookBack = _lanes.Select(l => (long)Math.Ceiling(TrajectoryObject.MaxLifetime(l) / l.SlotSeconds) + 1).ToArray();
    }

    /// <summary>Gets the seed.</summary>
    public int Seed { get; }

    /// <summary>Gets the camera's background texture: <c>gravel</c>, <c>grass</c> or <c>brick</c>.</summary>
    public string Background { get; }

    /// <summary>Gets the largest number of objects ever in view at once (a bound; a span this long never truncates).</summary>
    public int MaxObjects => _lookBack.Sum(n => (int)n);

    internal IReadOnlyList<TrajectoryLane> Lanes => _lanes;

    /// <summary>Where a face centred on (x, y) metres is drawn, as fractions of the frame (it may reach past the edges).</summary>
    /// <param name="x">The centre's x, metres.</param>
    /// <param name="y">The centre's y, metres.</param>
    /// <returns>The box.</returns>
    public static FaceBox FaceBoxAt(double x, double y)
    {
        var height = FaceHeight / WorldHeight;
        var width = FaceHeight * FaceCompositor.FaceAspect / WorldWidth;
        return new FaceBox((x / WorldWidth) - (width / 2), (y / WorldHeight) - (height / 2), width, height);
    }

    /// <summary>Writes every object present at <paramref name="time"/>, in lane then entry order; allocates nothing.</summary>
    /// <param name="time">A scene time.</param>
    /// <param name="destination">Where the observations go; <see cref="MaxObjects"/> long never truncates.</param>
    /// <returns>How many objects are present; when more than <paramref name="destination"/> holds, only the first fit.</returns>
    public int ObservationsAt(DateTimeOffset time, Span<TrajectoryObservation> destination)
    {
        var ticks = (time - SceneClock.Epoch).Ticks;
        var t = ticks / (double)TimeSpan.TicksPerSecond;
        var count = 0;
        for (var lane = 0; lane < _lanes.Length; lane++)
        {
            var last = (long)Math.Floor(t / _lanes[lane].SlotSeconds);
            for (var slot = Math.Max(0, last - _lookBack[lane]); slot <= last; slot++)
            {
                var o = TrajectoryObject.Create(Seed, _lanes[lane], lane, slot);
                if (!o.TryLocate(t, out var x, out var y))
                {
                    continue;
                }

                if (count < destination.Length)
                {
                    var (nx, ny) = Noise(o.Id, ticks);
                    destination[count] = new TrajectoryObservation(o.Id, lane, x + nx, y + ny, x, y, o.Kind, o.AnomalousAt(t));
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>Gets the truth of track <paramref name="trackId"/>, or <c>null</c> when no object enters in its slot.</summary>
    /// <param name="trackId">A track id (lane + 3 · slot).</param>
    /// <returns>The truth.</returns>
    public TrajectoryTruth? Truth(long trackId)
    {
        if (trackId < 0)
        {
            return null;
        }

        var lane = (int)(trackId % LaneCount);
        var o = TrajectoryObject.Create(Seed, _lanes[lane], lane, trackId / LaneCount);
        return o.Present ? o.Truth() : null;
    }

    /// <summary>Gets the truth of every track that enters in [<paramref name="from"/>, <paramref name="to"/>), in order of entry.</summary>
    /// <param name="from">The first scene time.</param>
    /// <param name="to">The end (excluded).</param>
    /// <returns>The truths.</returns>
    public IReadOnlyList<TrajectoryTruth> TruthsEntering(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = ((from - SceneClock.Epoch).TotalSeconds, (to - SceneClock.Epoch).TotalSeconds);
        var list = new List<TrajectoryObject>();
        for (var lane = 0; lane < _lanes.Length; lane++)
        {
            for (var slot = Math.Max(0, (long)Math.Floor(start / _lanes[lane].SlotSeconds) - 1); slot * _lanes[lane].SlotSeconds < end; slot++)
            {
                var o = TrajectoryObject.Create(Seed, _lanes[lane], lane, slot);
                if (o.Present && o.Entry >= start && o.Entry < end)
                {
                    list.Add(o);
                }
            }
        }

        return list.OrderBy(o => o.Entry).ThenBy(o => o.Id).Select(o => o.Truth()).ToList();
    }

    /// <summary>Samples every track that enters and leaves within [0, <paramref name="duration"/>) of scene time, at <paramref name="rateHz"/>.</summary>
    internal List<SimulatedTrack> CompleteTracks(TimeSpan duration, double rateHz)
    {
        var end = duration.TotalSeconds;
        var tracks = new List<(double Entry, SimulatedTrack Track)>();
        for (var lane = 0; lane < _lanes.Length; lane++)
        {
            for (long slot = 0; slot * _lanes[lane].SlotSeconds < end; slot++)
            {
                var o = TrajectoryObject.Create(Seed, _lanes[lane], lane, slot);
                if (o.Present && Sample(o, end, rateHz) is { } points)
                {
                    tracks.Add((o.Entry, new SimulatedTrack(o.Truth(), points)));
                }
            }
        }

        return tracks.OrderBy(t => t.Entry).ThenBy(t => t.Track.Truth.TrackId).Select(t => t.Track).ToList();
    }

    private List<TrackPoint>? Sample(in TrajectoryObject o, double end, double rateHz)
    {
        var points = new List<TrackPoint>();
        for (var j = (long)Math.Ceiling(o.Entry * rateHz); ; j++)
        {
            var time = SceneClock.Epoch.AddTicks((long)Math.Round(j * TimeSpan.TicksPerSecond / rateHz));
            var ticks = (time - SceneClock.Epoch).Ticks;
            var t = ticks / (double)TimeSpan.TicksPerSecond;
            if (t >= end)
            {
                return null;
            }

            if (!o.TryLocate(t, out var x, out var y))
            {
                if (points.Count > 0)
                {
                    return points;
                }

                continue;
            }

            var (nx, ny) = Noise(o.Id, ticks);
            points.Add(new TrackPoint(t, x + nx, y + ny, o.AnomalousAt(t)));
        }
    }

    // The measurement noise of one track at one instant: a hash of (seed, track, ticks), so every reader agrees.
    private (double X, double Y) Noise(long id, long ticks)
    {
        var purpose = NoiseDraw ^ ((ulong)id << 8);
        return (MeasurementNoise * SceneRandom.Gaussian(Seed, purpose, 2 * ticks), MeasurementNoise * SceneRandom.Gaussian(Seed, purpose, (2 * ticks) + 1));
    }
}
