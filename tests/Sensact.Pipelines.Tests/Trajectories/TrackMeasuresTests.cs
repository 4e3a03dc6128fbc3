using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Scoring;

namespace Sensact.Pipelines.Tests.Trajectories;

/// <summary>The shape measures on scaled tracks (a typical step 1 long, 1 long in time).</summary>
public sealed class TrackMeasuresTests
{
    [Fact]
    public void Turning_InHalfTurns_WithinTheSpan()
    {
        // Straight: no turn. A half circle of radius 10 at unit speed (31 steps): one half turn.
        Assert.Equal(0, Turning(Path(60, _ => 0)), 6);
        Assert.InRange(Turning(Arc(radius: 10, turns: 0.5, lead: 20)), 0.85, 1.0);

        // A full circle within the span: two half turns; the same circle slower than the span allows: capped by the span.
        Assert.InRange(Turning(Arc(radius: 5, turns: 1, lead: 20)), 1.8, 2.0);
        Assert.InRange(Turning(Arc(radius: 30, turns: 1, lead: 20), span: 40), 0.3, 0.45);
    }

    [Fact]
    public void Turning_NoiseWhileStandingStill_IsNoTurn_ButATurnMadeAcrossAHaltCounts()
    {
        var random = new Random(3);
        var halt = Enumerable.Range(0, 40).Select(i => new TrajectoryPoint(i, 0.05 * random.NextDouble(), 0.05 * random.NextDouble())).ToArray();
        Assert.Equal(0, Turning(halt), 6);

        // East for 20 steps, 10 steps standing, then back west: straight back across the halt.
        var back = new List<TrajectoryPoint>();
        for (var i = 0; i < 50; i++)
        {
            var x = i < 20 ? i : i < 30 ? 20 : 20 - (i - 30);
            back.Add(new TrajectoryPoint(i, x, 0));
        }

        Assert.InRange(Turning([.. back]), 0.95, 1.0);
    }

    [Fact]
    public void Turning_OnePass_AgreesWithTheWidestGapFoundByScanning()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var heading = 0.0;
            var (x, y) = (0.0, 0.0);
            var track = new TrajectoryPoint[120];
            for (var i = 0; i < track.Length; i++)
            {
                heading += 0.3 * (random.NextDouble() - 0.5) + (random.NextDouble() < 0.05 ? 1.5 : 0);
                var speed = random.NextDouble() < 0.1 ? 0 : 1;
                (x, y) = (x + (speed * Math.Cos(heading)), y + (speed * Math.Sin(heading)));
                track[i] = new TrajectoryPoint(i, x, y);
            }

            Assert.Equal(Scanned(track, chord: 5, span: 40), Turning(track), 9);
        }
    }

    private static double Turning(TrajectoryPoint[] norm, int chord = 5, int span = 40)
    {
        var n = norm.Length;
        return TrackMeasures.Turning(norm, chord, span, new int[n], new int[n], new double[n]);
    }

    // The same measure the slow way: every pair within the span.
    private static double Scanned(TrajectoryPoint[] norm, int chord, int span)
    {
        var turnedAt = new double[norm.Length];
        double heading = double.NaN, turned = 0, best = 0;
        for (var i = 0; i < norm.Length; i++)
        {
            turnedAt[i] = double.NaN;
            if (i >= chord)
            {
                var (dx, dy, dt) = (norm[i].X - norm[i - chord].X, norm[i].Y - norm[i - chord].Y, norm[i].T - norm[i - chord].T);
                if ((dx * dx) + (dy * dy) > 0.09 * dt * dt)
                {
                    var h = Math.Atan2(dy, dx);
                    var d = double.IsNaN(heading) ? 0 : h - heading;
                    turned += d > Math.PI ? d - (2 * Math.PI) : d < -Math.PI ? d + (2 * Math.PI) : d;
                    heading = h;
                }
            }

            if (double.IsNaN(heading))
            {
                continue;
            }

            turnedAt[i] = turned;
            for (var j = 0; j < i; j++)
            {
                if (!double.IsNaN(turnedAt[j]) && norm[i].T - norm[j].T <= span)
                {
                    best = Math.Max(best, Math.Abs(turned - turnedAt[j]));
                }
            }
        }

        return best / Math.PI;
    }

    private static TrajectoryPoint[] Path(int count, Func<int, double> y) => [.. Enumerable.Range(0, count).Select(i => new TrajectoryPoint(i, i, y(i)))];

    // Straight for `lead` steps, then round a circle for `turns` full turns at unit speed, then straight on for `lead` steps.
    private static TrajectoryPoint[] Arc(double radius, double turns, int lead)
    {
        var points = new List<TrajectoryPoint>();
        for (var i = 0; i < lead; i++)
        {
            points.Add(new TrajectoryPoint(i, i - lead, 0));
        }

        var steps = (int)Math.Round(2 * Math.PI * radius * turns);
        for (var k = 0; k <= steps; k++)
        {
            var a = k / radius;
            points.Add(new TrajectoryPoint(lead + k, radius * Math.Sin(a), radius * (1 - Math.Cos(a))));
        }

        var end = points[^1];
        var (ex, ey) = (Math.Cos(steps / radius), Math.Sin(steps / radius));
        for (var i = 1; i <= lead; i++)
        {
            points.Add(new TrajectoryPoint(end.T + i, end.X + (i * ex), end.Y + (i * ey)));
        }

        return [.. points];
    }
}
