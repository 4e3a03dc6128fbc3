namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>The measures of a track's shape that need no scratch buffers, on scaled positions and speeds.</summary>
internal static class TrackMeasures
{
    internal static double Speeding(ReadOnlySpan<double> speed, int window)
    {
        if (speed.Length <= window)
        {
            return Mean(speed);
        }

        double sum = 0, best = 0;
        for (var i = 0; i < speed.Length; i++)
        {
            sum += speed[i] - (i >= window ? speed[i - window] : 0);
            if (i >= window - 1)
            {
                best = Math.Max(best, sum / window);
            }
        }

        return best;
    }

    internal static double Stop(ReadOnlySpan<double> speed, int half)
    {
        double best = 0;
        for (var i = half; i + half <= speed.Length; i++)
        {
            best = Math.Max(best, Mean(speed.Slice(i - half, half)) - Mean(speed.Slice(i, half)));
        }

        return best;
    }

    // -cos of the heading K points before and after a point, from 0 (a right angle or less) to 1 (straight back).
    internal static double Reversal(ReadOnlySpan<TrajectoryPoint> norm, int k)
    {
        double best = 0;
        for (var i = k; i + k < norm.Length; i++)
        {
            var ax = norm[i].X - norm[i - k].X;
            var ay = norm[i].Y - norm[i - k].Y;
            var bx = norm[i + k].X - norm[i].X;
            var by = norm[i + k].Y - norm[i].Y;
            var la = Math.Sqrt((ax * ax) + (ay * ay));
            var lb = Math.Sqrt((bx * bx) + (by * by));
            if (la > 0.3 * k && lb > 0.3 * k)
            {
                best = Math.Max(best, -((ax * bx) + (ay * by)) / (la * lb));
            }
        }

        return best;
    }

    internal static double WrongWay(ReadOnlySpan<TrajectoryPoint> points, FlowField flow)
    {
        int against = 0, judged = 0;
        for (var i = 1; i < points.Length; i++)
        {
            if (flow.Agreement(points[i - 1].X, points[i - 1].Y, points[i].X - points[i - 1].X, points[i].Y - points[i - 1].Y) is { } cos)
            {
                judged++;
                against += cos < 0 ? 1 : 0;
            }
        }

        return judged == 0 ? 0 : (double)against / judged;
    }

    internal static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
