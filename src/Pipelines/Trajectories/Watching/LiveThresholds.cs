using Sensact.Pipelines.Trajectories.Scoring;

namespace Sensact.Pipelines.Trajectories.Watching;

/// <summary>
/// What live scoring takes off each component's score so that normal traffic, scored again and again as
/// its tracks grow, raises no more false alarms than the target. A live track is scored at every matched
/// position, so what decides a false alarm is the highest of those scores; components differ in how high
/// that climbs on normal traffic (a step score jitters at every step, a stop needs a real drop). Each
/// component gets its own offset: the quantile, at 1 - target / components, of the highest score less the
/// threshold it reaches on the normal tracks when they are scored as <see cref="TrackWatch"/> scores them
/// (never below 0), so all components together stay within the target.
/// </summary>
public sealed class LiveThresholds
{
    private readonly double[] _offsets;

    private LiveThresholds(double[] offsets) => _offsets = offsets;

    /// <summary>Gets no offsets: the scorer's thresholds as they are.</summary>
    public static LiveThresholds None { get; } = new(new double[AnomalyKinds.All.Count]);

    /// <summary>Gets the offset of each component, in the order of <see cref="AnomalyKinds.All"/>.</summary>
    public IReadOnlyList<double> Offsets => _offsets;

    /// <summary>Gets the largest offset.</summary>
    public double Largest => _offsets.Max();

    internal ReadOnlySpan<double> Span => _offsets;

    /// <summary>Measures the offsets on normal tracks.</summary>
    /// <param name="scorer">The calibrated scorer.</param>
    /// <param name="normalTracks">Normal tracks, each oldest first.</param>
    /// <param name="options">How tracks are scored live: from <see cref="TrackWatchOptions.MinPoints"/> positions, every <see cref="TrackWatchOptions.ScoreEvery"/>.</param>
    /// <param name="historyLength">The positions the tracker keeps per track (the longest history scored).</param>
    /// <param name="targetFalseAlarmRate">The share of normal tracks allowed to raise an alarm.</param>
    /// <returns>The offsets.</returns>
    public static LiveThresholds Calibrate(TrajectoryScorer scorer, IReadOnlyList<TrajectoryPoint[]> normalTracks, TrackWatchOptions options, int historyLength, double targetFalseAlarmRate)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(normalTracks);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLength, 2);
        if (!(targetFalseAlarmRate is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetFalseAlarmRate), targetFalseAlarmRate, "The target false-alarm rate must lie between 0 and 1, exclusive.");
        }

        var count = AnomalyKinds.All.Count;
        var excess = Enumerable.Range(0, count).Select(_ => new List<double>(normalTracks.Count)).ToArray();
        Span<double> scores = stackalloc double[count];
        Span<double> best = stackalloc double[count];
        foreach (var track in normalTracks)
        {
            best.Fill(double.NegativeInfinity);
            for (var end = options.MinPoints; end <= track.Length; end += options.ScoreEvery)
            {
                var start = Math.Max(0, end - historyLength);
                if (scorer.TryScoreComponents(track.AsSpan(start, end - start), scores, out var zone))
                {
                    var threshold = scorer.ThresholdOf(zone);
                    for (var c = 0; c < count; c++)
                    {
                        best[c] = Math.Max(best[c], scores[c] - threshold);
                    }
                }
            }

            for (var c = 0; c < count; c++)
            {
                if (double.IsFinite(best[c]))
                {
                    excess[c].Add(best[c]);
                }
            }
        }

        var offsets = new double[count];
        for (var c = 0; c < count; c++)
        {
            offsets[c] = Math.Max(0, Quantile(excess[c], 1 - (targetFalseAlarmRate / count)));
        }

        return new LiveThresholds(offsets);
    }

    private static double Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var position = q * (values.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, values.Count - 1);
        return values[lower] + ((position - lower) * (values[upper] - values[lower]));
    }
}
