using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Scoring;

namespace Sensact.Pipelines.Tests.Trajectories;

/// <summary>
/// Seeded synthetic traffic for the tests: two straight lanes (eastbound at y = 10, westbound at
/// y = 20, metres), speeds around 10 m/s, 10 Hz, position noise of 5 cm, and each anomaly kind
/// injected into otherwise normal tracks.
/// </summary>
internal sealed class SyntheticTracks(int seed)
{
    public const int Points = 100;
    private const double Dt = 0.1;
    private readonly Random _random = new(seed);

    public TrajectoryPoint[] Normal() => Make(eastbound: _random.Next(2) == 0, kind: null);

    public TrajectoryPoint[] Anomalous(string kind) => Make(eastbound: _random.Next(2) == 0, kind);

    public List<TrajectoryPoint[]> Normals(int count) => [.. Enumerable.Range(0, count).Select(_ => Normal())];

    /// <summary>A pedestrian on a walkway at y = 40 (away from the roads), eastbound from x in [0, 5], at about <paramref name="speed"/> m/s.</summary>
    public TrajectoryPoint[] Walker(double speed, int points = 200)
    {
        var v = speed * (1 + (0.05 * Gaussian()));
        var (x, y) = (5 * _random.NextDouble(), 40 + (0.2 * Gaussian()));
        var phase = 2 * Math.PI * _random.NextDouble();
        return [.. Enumerable.Range(0, points).Select(i => new TrajectoryPoint(
            i * Dt,
            x + (v * i * Dt) + (0.05 * Gaussian()),
            y + (0.3 * Math.Sin(phase + (i * Dt * 0.8))) + (0.05 * Gaussian())))];
    }

    private TrajectoryPoint[] Make(bool eastbound, string? kind)
    {
        var speed = 10 + (0.8 * Gaussian());
        var direction = eastbound ? 1.0 : -1.0;
        var laneY = (eastbound ? 10.0 : 20.0) + (0.3 * Gaussian());
        var x = eastbound ? _random.NextDouble() * 50 : 150 + (_random.NextDouble() * 50);
        var y = laneY;
        var onset = 40 + _random.Next(20);
        var points = new TrajectoryPoint[Points];
        var vx = direction * speed;
        var vy = 0.0;
        if (kind == AnomalyKinds.WrongWay)
        {
            // In its lane, against the lane's direction.
            x = eastbound ? 150 + (_random.NextDouble() * 50) : _random.NextDouble() * 50;
            vx = -vx;
        }

        var angle = 0.0;
        for (var i = 0; i < Points; i++)
        {
            var t = i * Dt;
            if (i > 0)
            {
                var after = i - onset;
                switch (kind)
                {
                    case AnomalyKinds.SuddenStop when after >= 0:
                        vx *= 0.5;
                        break;
                    case AnomalyKinds.Swerve when after is >= 0 and < 4:
                        vy = 8 * (eastbound ? 1 : -1);
                        break;
                    case AnomalyKinds.Swerve when after is >= 4 and < 8:
                        vy = -8 * (eastbound ? 1 : -1);
                        break;
                    case AnomalyKinds.Swerve:
                        vy = 0;
                        break;
                    case AnomalyKinds.Speeding:
                        vx = direction * speed * 2;
                        break;
                    case AnomalyKinds.UTurn when after is >= 0 and < 10:
                        angle += Math.PI / 10;
                        vx = direction * speed * 0.6 * Math.Cos(angle);
                        vy = -direction * speed * 0.6 * Math.Sin(angle);
                        break;
                    case AnomalyKinds.UTurn when after >= 10:
                        vx = -direction * speed;
                        vy = 0;
                        break;
                    case AnomalyKinds.Loitering:
                        // Wandering slowly in a small area, the whole time.
                        angle += 0.5 + (0.3 * Gaussian());
                        vx = 1.5 * Math.Cos(angle);
                        vy = 1.5 * Math.Sin(angle);
                        break;
                }

                x += vx * Dt;
                y += vy * Dt;
            }

            points[i] = new TrajectoryPoint(t, x + (0.05 * Gaussian()), y + (0.05 * Gaussian()));
        }

        return points;
    }

    private double Gaussian()
    {
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
