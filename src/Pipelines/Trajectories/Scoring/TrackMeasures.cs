namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>
/// The measures of a track's shape on scaled positions (a typical step of normal traffic at that place
/// is about 1 long and 1 long in time). Speeds are taken over chords of several steps, so that position
/// noise weighs only at the chord's ends.
/// </summary>
internal static class TrackMeasures
{
    // A chord shorter than this share of a typical one (over the same steps) is standing still: its heading is noise.
    private const double MovingShare = 0.3;

    /// <summary>The highest speed over <paramref name="chord"/> steps (the whole track when shorter), against the usual <paramref name="pace"/> there.</summary>
    internal static double Speeding(ReadOnlySpan<TrajectoryPoint> norm, ReadOnlySpan<double> pace, int chord)
    {
        if (norm.Length < 2)
        {
            return 0;
        }

        var k = Math.Min(chord, norm.Length - 1);
        double best = 0;
        for (var i = k; i < norm.Length; i++)
        {
            best = Math.Max(best, ChordSpeed(norm, pace, i - k, i));
        }

        return best;
    }

    /// <summary>The largest drop of speed (against the usual <paramref name="pace"/>) between the <paramref name="span"/> steps before a point and the <paramref name="span"/> after it.</summary>
    internal static double Stop(ReadOnlySpan<TrajectoryPoint> norm, ReadOnlySpan<double> pace, int span)
    {
        double best = 0;
        for (var i = span; i + span < norm.Length; i++)
        {
            best = Math.Max(best, ChordSpeed(norm, pace, i - span, i) - ChordSpeed(norm, pace, i, i + span));
        }

        return best;
    }

    /// <summary>
    /// The most the heading turns, either way, within <paramref name="span"/> steps, in half turns
    /// (1: a U-turn). Headings are those of chords over <paramref name="chord"/> steps while moving;
    /// turns telescope, so noise counts only at the stretch's ends, and a turn made across a halt counts.
    /// <paramref name="lows"/>, <paramref name="highs"/> and <paramref name="turnedAt"/> are scratch, as long as the track.
    /// </summary>
    internal static double Turning(ReadOnlySpan<TrajectoryPoint> norm, int chord, int span, Span<int> lows, Span<int> highs, Span<double> turnedAt)
    {
        // turnedAt[i]: the heading turned from the first moving chord to the latest one at i (unwrapped). The widest gap
        // between it and any earlier value within the stretch comes from the stretch's least and greatest values, kept in
        // two monotonic queues of indices, so the whole track takes one pass.
        double heading = double.NaN, turned = 0, best = 0;
        int lowHead = 0, lowTail = 0, highHead = 0, highTail = 0;
        for (var i = 0; i < norm.Length; i++)
        {
            if (i >= chord)
            {
                var dx = norm[i].X - norm[i - chord].X;
                var dy = norm[i].Y - norm[i - chord].Y;
                var dt = norm[i].T - norm[i - chord].T;
                if ((dx * dx) + (dy * dy) > Square(MovingShare * dt))
                {
                    var h = Math.Atan2(dy, dx);
                    turned += double.IsNaN(heading) ? 0 : Wrap(h - heading);
                    heading = h;
                }
            }

            if (double.IsNaN(heading))
            {
                continue;
            }

            turnedAt[i] = turned;
            while (lowTail > lowHead && norm[i].T - norm[lows[lowHead]].T > span)
            {
                lowHead++;
            }

            while (highTail > highHead && norm[i].T - norm[highs[highHead]].T > span)
            {
                highHead++;
            }

            if (lowTail > lowHead)
            {
                best = Math.Max(best, Math.Max(turned - turnedAt[lows[lowHead]], turnedAt[highs[highHead]] - turned));
            }

            while (lowTail > lowHead && turnedAt[lows[lowTail - 1]] >= turned)
            {
                lowTail--;
            }

            lows[lowTail++] = i;
            while (highTail > highHead && turnedAt[highs[highTail - 1]] <= turned)
            {
                highTail--;
            }

            highs[highTail++] = i;
        }

        return best / Math.PI;
    }

    // Path length against net displacement over the window, on positions at least 3 steps apart
    // (so that noise while standing still does not count as path): about 1 for normal traffic,
    // large for wandering in a small area; net displacements under one typical step count as one.
    // sub and path are scratch, as long as the track.
    internal static double Tortuosity(ReadOnlySpan<TrajectoryPoint> norm, int window, Span<TrajectoryPoint> sub, Span<double> path)
    {
        var m = 0;
        for (var i = 0; i < norm.Length; i++)
        {
            if (m == 0 || norm[i].T - sub[m - 1].T >= 3 || i == norm.Length - 1)
            {
                sub[m++] = norm[i];
            }
        }

        path = path[..m];
        path[0] = 0;
        for (var i = 1; i < m; i++)
        {
            path[i] = path[i - 1] + TrackShapeExtractor.Distance(sub[i], sub[i - 1]);
        }

        double best = 0;
        var start = 0;
        var full = Math.Min(window, sub[m - 1].T - sub[0].T);
        for (var i = 1; i < m; i++)
        {
            while (sub[i].T - sub[start].T > window)
            {
                start++;
            }

            if (sub[i].T - sub[start].T >= full - 3)
            {
                best = Math.Max(best, (path[i] - path[start]) / Math.Max(TrackShapeExtractor.Distance(sub[i], sub[start]), 1));
            }
        }

        return best;
    }

    // cells: each point's cell of the flow field.
    internal static double WrongWay(ReadOnlySpan<TrajectoryPoint> points, ReadOnlySpan<int> cells, FlowField flow)
    {
        int against = 0, judged = 0;
        for (var i = 1; i < points.Length; i++)
        {
            if (flow.AgreementIn(cells[i - 1], points[i].X - points[i - 1].X, points[i].Y - points[i - 1].Y) is { } cos)
            {
                judged++;
                against += cos < 0 ? 1 : 0;
            }
        }

        return judged == 0 ? 0 : (double)against / judged;
    }

    // The chord's speed over the usual pace at its middle.
    private static double ChordSpeed(ReadOnlySpan<TrajectoryPoint> norm, ReadOnlySpan<double> pace, int from, int to)
    {
        var dt = norm[to].T - norm[from].T;
        var usual = pace[(from + to) / 2];
        return dt > 0 && usual > 0 ? TrackShapeExtractor.Distance(norm[to], norm[from]) / dt / usual : 0;
    }

    private static double Wrap(double angle) => angle > Math.PI ? angle - (2 * Math.PI) : angle < -Math.PI ? angle + (2 * Math.PI) : angle;

    private static double Square(double x) => x * x;
}
