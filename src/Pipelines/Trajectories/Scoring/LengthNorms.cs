namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>
/// What normal traffic's components look like on stretches of a given length: per length bin (6
/// positions, then 1.5 times longer each bin, while the normal tracks are long enough), each component's
/// median and upper tail over the normal tracks' stretches of that length: the first and the last
/// stretch of each track, so that entering and leaving the view, which every live track does, count as
/// normal. A track is judged against the bin of the longest stretches it is as long as, so a
/// live track scored on its first dozen positions and a whole recorded track are both compared with
/// normal traffic seen over as long: short stretches are noisier, long ones hold more chances for a
/// peak.
/// </summary>
internal sealed class LengthNorms
{
    /// <summary>The shortest stretch judged; shorter tracks are judged as this long.</summary>
    public const int ShortestStretch = 6;

    // A bin needs this many stretches from at least MinTracks tracks to be learned.
    private const int MinStretches = 30;
    private const int MinTracks = 5;

    // The least spread (from the median to the tail's start, and the tail's scale) a component is given, in its own units, so that a component normal tracks never move (wrong way on straight lanes) does not divide by zero.
    private static readonly double[] Floors = [0.5, 0.1, 0.05, 0.25, 0.02, 0.02];

    // The share of normal stretches above the tail's start.
    private const double TailShare = 0.1;

    private readonly int[] _lengths;
    private readonly Tail[] _tails;

    private LengthNorms(int[] lengths, Tail[] tails)
    {
        _lengths = lengths;
        _tails = tails;
    }

    /// <summary>Gets the stretch length of each bin, shortest first.</summary>
    public IReadOnlyList<int> Lengths => _lengths;

    /// <summary>Learns the bins from normal (or mostly normal) tracks.</summary>
    /// <param name="tracks">The tracks, raw.</param>
    /// <param name="measure">Measures one stretch; false when it cannot be measured.</param>
    /// <returns>The norms; at least one bin, learned from whole tracks when none is long enough for a stretch.</returns>
    public static LengthNorms Learn(IReadOnlyList<TrajectoryPoint[]> tracks, Measure measure)
    {
        var lengths = new List<int>();
        var tails = new List<Tail>();
        var shapes = new List<TrackShape>();
        for (var length = ShortestStretch; ; length = (int)Math.Round(length * 1.5))
        {
            shapes.Clear();
            var from = 0;
            foreach (var track in tracks)
            {
                if (track.Length < length)
                {
                    continue;
                }

                from++;
                if (measure(track.AsSpan(0, length), out var head))
                {
                    shapes.Add(head);
                }

                if (track.Length > length && measure(track.AsSpan(track.Length - length, length), out var tail))
                {
                    shapes.Add(tail);
                }
            }

            if (shapes.Count < MinStretches || from < MinTracks)
            {
                break;
            }

            lengths.Add(length);
            AddStatistics(shapes, tails);
        }

        if (lengths.Count == 0)
        {
            // Too few long tracks for any stretch: judge every track against the whole tracks.
            shapes.Clear();
            foreach (var track in tracks)
            {
                if (measure(track, out var shape))
                {
                    shapes.Add(shape);
                }
            }

            lengths.Add(ShortestStretch);
            AddStatistics(shapes, tails);
        }

        return new LengthNorms([.. lengths], [.. tails]);
    }

    /// <summary>
    /// Gets how unusual a component's value is for a track with <paramref name="points"/> positions, in
    /// decades of rarity: -log10 of the share of normal stretches as long that reach it. Up to the
    /// normal 90th percentile the value is placed linearly between the median (0) and it (1); above,
    /// normal traffic's tail is taken as exponential (peaks over a threshold: its scale from the median
    /// excess of the normal stretches above the percentile), so 1 + excess / (scale x ln 10). Components with
    /// heavy and light tails (a step score, a speed) are then on one footing: the same score is as rare.
    /// </summary>
    public double Score(int points, int component, double value)
    {
        var bin = 0;
        while (bin + 1 < _lengths.Length && _lengths[bin + 1] <= points)
        {
            bin++;
        }

        var tail = _tails[(bin * TrackShape.Count) + component];
        return value <= tail.Start
            ? (value - tail.Median) / (tail.Start - tail.Median)
            : 1 + ((value - tail.Start) / (tail.Scale * Math.Log(10)));
    }

    private static void AddStatistics(List<TrackShape> shapes, List<Tail> tails)
    {
        var values = new double[shapes.Count];
        for (var c = 0; c < TrackShape.Count; c++)
        {
            for (var i = 0; i < shapes.Count; i++)
            {
                values[i] = shapes[i][c];
            }

            if (values.Length == 0)
            {
                tails.Add(new Tail(0, Floors[c], Floors[c]));
                continue;
            }

            Array.Sort(values);
            var n = values.Length;
            var median = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
            var at = (int)Math.Floor((1 - TailShare) * (values.Length - 1));
            var start = Math.Max(values[at], median + Floors[c]);

            // The tail's scale: for an exponential tail the median excess is the scale times ln 2. The median of the
            // top tenth by rank (ties with the start included), not the mean: a few odd stretches among the normal
            // ones (a tracker's mix-up, an anomaly in unsupervised calibration) then cannot stretch it.
            var top = values.AsSpan(Math.Min(at + 1, values.Length - 1));
            var excess = Math.Max(0, top[top.Length / 2] - start);
            tails.Add(new Tail(median, start, Math.Max(excess / Math.Log(2), Floors[c])));
        }
    }

    private readonly record struct Tail(double Median, double Start, double Scale);

    /// <summary>Measures one stretch of a track.</summary>
    public delegate bool Measure(ReadOnlySpan<TrajectoryPoint> stretch, out TrackShape shape);
}
