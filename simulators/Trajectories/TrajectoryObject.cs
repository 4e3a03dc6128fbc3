using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.Trajectories;

/// <summary>
/// One object of the trajectory scene, drawn from (seed, lane, slot): when it enters, how fast it
/// goes, how it wanders, whether and how it misbehaves; and where it is at any time, in closed form.
/// </summary>
/// <remarks>
/// Progress along the lane is <c>S(w(τ))</c>, τ the time since entry: <c>S</c> integrates a smoothly
/// varying speed (two sines) in closed form, and the time warp <c>w</c> (its rate ramps between
/// levels with smoothstep, integrated in closed form) brakes, stops, restarts or speeds the object
/// up. Lateral offset from the lane's centre: a slow wander (two sines), plus a swerve's bump or a
/// U-turn's half circle; a loiterer adds a small wandering loop while halted.
/// </remarks>
internal readonly struct TrajectoryObject
{
    private const double AnomalyFraction = 0.15;
    private const double PresentFraction = 0.7;
    private const ulong Draw = 0xC100;

    private readonly TrajectoryLane _lane;
    private readonly double _v0;
    private readonly double _a1, _w1, _p1, _a2, _w2, _p2;
    private readonly double _b1, _k1, _q1, _b2, _k2, _q2;
    private readonly double _t1, _r1, _c1, _t2, _r2, _c2;
    private readonly double _onsetTau, _endTau;
    private readonly double _bump, _bumpSeconds, _side, _radius, _turnAt;
    private readonly double _loopX, _loopY, _loopWx, _loopWy, _loopPhase, _holdEnd;

    private TrajectoryObject(int seed, TrajectoryLane lane, int laneIndex, long slot)
    {
        _lane = lane;
        Lane = laneIndex;
        var id = (slot * TrajectoryScript.LaneCount) + laneIndex;
        Id = id;
        double U(int purpose) => SceneRandom.Uniform(seed, Draw + (ulong)purpose, id);
        double B(int purpose, double low, double high) => low + ((high - low) * U(purpose));

        Present = slot >= 0 && U(0) < PresentFraction;
        Entry = slot * lane.SlotSeconds + B(1, 0, 0.6 * lane.SlotSeconds);
        _v0 = B(2, lane.MinSpeed, lane.MaxSpeed);
        (_a1, _w1, _p1) = (B(3, 0.05, 0.12), 2 * Math.PI / B(4, 6, 14), B(5, 0, 2 * Math.PI));
        (_a2, _w2, _p2) = (B(6, 0.02, 0.06), 2 * Math.PI / B(7, 2.5, 5), B(8, 0, 2 * Math.PI));
        _b1 = B(9, 0.4, 1.0) * lane.Wander;
        _b2 = 0.25 * _b1;
        (_k1, _q1) = (2 * Math.PI / B(10, 5, 12), B(11, 0, 2 * Math.PI));
        (_k2, _q2) = (2 * Math.PI / B(12, 2, 4), B(13, 0, 2 * Math.PI));

        Kind = U(14) < AnomalyFraction ? (TrajectoryAnomalyKind)(1 + (int)(SceneRandom.Hash(seed, Draw + 15, id) % 6)) : TrajectoryAnomalyKind.None;
        _onsetTau = Kind switch
        {
            TrajectoryAnomalyKind.None => double.NaN,
            TrajectoryAnomalyKind.WrongWay => 0,
            _ => B(16, 0.25, 0.5) * lane.Length / _v0,
        };
        _endTau = double.NaN;
        (_t1, _r1, _c1, _t2, _r2, _c2) = (0, 1, 0, 0, 1, 0);
        (_bump, _bumpSeconds, _side, _radius, _turnAt) = (0, 1, 0, 0, double.NaN);
        (_loopX, _loopY, _loopWx, _loopWy, _loopPhase, _holdEnd) = (0, 0, 0, 0, 0, double.NaN);
        var roads = lane.HalfWidth > 1.2;
        switch (Kind)
        {
            case TrajectoryAnomalyKind.SuddenStop:
                var brake = B(17, 0.6, 1.0);
                var hold = B(18, 6, 12);
                (_t1, _r1, _c1, _t2, _r2, _c2) = (_onsetTau, brake, -1, _onsetTau + brake + hold, 2.5, 1);
                _endTau = _onsetTau + brake + hold;
                break;
            case TrajectoryAnomalyKind.Loitering:
                // Brakes within 1 s, lingers 20-30 s wandering on a small loop, then moves on (2 s to full speed).
                var linger = B(18, 20, 30);
                _holdEnd = _onsetTau + 1 + linger;
                (_t1, _r1, _c1, _t2, _r2, _c2) = (_onsetTau, 1, -1, _holdEnd, 2, 1);
                _endTau = _holdEnd;
                (_loopX, _loopY) = (B(19, 1.0, 1.5), B(20, 1.0, 1.5));
                (_loopWx, _loopWy, _loopPhase) = (2 * Math.PI / B(21, 6, 10), 2 * Math.PI / B(22, 5, 9), B(23, 0, 2 * Math.PI));
                break;
            case TrajectoryAnomalyKind.Swerve:
                (_bump, _bumpSeconds) = (roads ? B(17, 3, 4.5) : B(17, 1.5, 2.5), B(18, 1.2, 2.0));
                _side = U(19) < 0.5 ? -1 : 1;
                _endTau = _onsetTau + _bumpSeconds;
                break;
            case TrajectoryAnomalyKind.Speeding:
                var fast = B(17, 2.0, 2.4) * lane.MaxSpeed;
                (_t1, _r1, _c1) = (_onsetTau, 1.5, (fast / _v0) - 1);
                break;
            case TrajectoryAnomalyKind.UTurn:
                // Brakes to half speed in 1 s, turns on a half circle (towards the other road lane), speeds up again.
                _radius = roads ? 3 : 1.5;
                _side = roads ? 1 : (U(19) < 0.5 ? -1 : 1);
                _turnAt = _onsetTau + 1;
                var turnSeconds = Math.PI * _radius / (0.5 * _v0 * (1 - _a1 - _a2));
                (_t1, _r1, _c1, _t2, _r2, _c2) = (_onsetTau, 1, -0.5, _turnAt + turnSeconds, 1.5, 0.5);
                break;
        }
    }

    /// <summary>The track's id: lane + 3 · slot.</summary>
    public long Id { get; }

    /// <summary>The lane's index.</summary>
    public int Lane { get; }

    /// <summary>Whether an object enters in this slot at all.</summary>
    public bool Present { get; }

    /// <summary>When it enters, seconds since the scene epoch.</summary>
    public double Entry { get; }

    /// <summary>Normal or its anomaly.</summary>
    public TrajectoryAnomalyKind Kind { get; }

    /// <summary>The object of <paramref name="slot"/> on lane <paramref name="laneIndex"/>.</summary>
    public static TrajectoryObject Create(int seed, TrajectoryLane lane, int laneIndex, long slot) => new(seed, lane, laneIndex, slot);

    /// <summary>The seconds an object of <paramref name="lane"/> can stay at most (slowest, U-turn or loitering).</summary>
    public static double MaxLifetime(TrajectoryLane lane) => (2.2 * lane.Length / (0.82 * lane.MinSpeed)) + 45;

    /// <summary>Whether the anomaly is under way at <paramref name="time"/> (seconds since the epoch).</summary>
    public bool AnomalousAt(double time)
    {
        var tau = time - Entry;
        return Kind != TrajectoryAnomalyKind.None && tau >= _onsetTau && (double.IsNaN(_endTau) || tau < _endTau);
    }

    /// <summary>The truth of this object.</summary>
    public TrajectoryTruth Truth()
    {
        var entry = At(Entry);
        return new TrajectoryTruth(
            Id,
            Lane,
            Kind,
            entry,
            Kind == TrajectoryAnomalyKind.None ? null : At(Entry + _onsetTau),
            double.IsNaN(_endTau) ? null : At(Entry + _endTau));
    }

    /// <summary>Where the object truly is at <paramref name="time"/> (seconds since the epoch); false when it is not in the scene.</summary>
    public bool TryLocate(double time, out double x, out double y)
    {
        x = y = 0;
        var tau = time - Entry;
        if (!Present || tau < 0)
        {
            return false;
        }

        // The wander runs on warped time too: an object that stands still stands still.
        var warped = Warp(tau);
        var travelled = Progress(warped);
        var along = travelled;
        var lateral = (_b1 * Math.Sin((_k1 * warped) + _q1)) + (_b2 * Math.Sin((_k2 * warped) + _q2));
        switch (Kind)
        {
            case TrajectoryAnomalyKind.WrongWay:
                along = _lane.Length - travelled;
                break;
            case TrajectoryAnomalyKind.Swerve when tau >= _onsetTau && tau < _endTau:
                var s = Math.Sin(Math.PI * (tau - _onsetTau) / _bumpSeconds);
                lateral += _side * _bump * s * s;
                break;
            case TrajectoryAnomalyKind.UTurn when tau > _turnAt:
                var atTurn = Progress(Warp(_turnAt));
                var beyond = travelled - atTurn;
                if (beyond < Math.PI * _radius)
                {
                    var phi = beyond / _radius;
                    along = atTurn + (_radius * Math.Sin(phi));
                    lateral += _side * _radius * (1 - Math.Cos(phi));
                }
                else
                {
                    along = atTurn - (beyond - (Math.PI * _radius));
                    lateral += _side * 2 * _radius;
                }

                break;
        }

        if (along < 0 || along > _lane.Length)
        {
            return false;
        }

        _lane.Locate(along, out x, out y, out var tx, out var ty);
        x -= ty * lateral;
        y += tx * lateral;
        if (Kind == TrajectoryAnomalyKind.Loitering && tau > _onsetTau)
        {
            var envelope = Smoothstep((tau - _onsetTau) / 2) - Smoothstep((tau - _holdEnd + 2) / 2);
            var since = tau - _onsetTau;
            x += envelope * _loopX * Math.Sin(_loopWx * since);
            y += envelope * _loopY * Math.Sin((_loopWy * since) + _loopPhase) - (envelope * _loopY * Math.Sin(_loopPhase));
        }

        return true;
    }

    private static DateTimeOffset At(double seconds) => SceneClock.Epoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static double Smoothstep(double u) => u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - (2 * u));

    // ∫ smoothstep((τ - start) / ramp) dτ from start.
    private static double Ramp(double tau, double start, double ramp)
    {
        var u = (tau - start) / ramp;
        return u <= 0 ? 0 : u < 1 ? ramp * ((u * u * u) - (u * u * u * u / 2)) : (ramp / 2) + (tau - start - ramp);
    }

    private double Warp(double tau) => tau + (_c1 * Ramp(tau, _t1, _r1)) + (_c2 * Ramp(tau, _t2, _r2));

    private double Progress(double w) =>
        _v0 * (w + (_a1 / _w1 * (Math.Cos(_p1) - Math.Cos((_w1 * w) + _p1))) + (_a2 / _w2 * (Math.Cos(_p2) - Math.Cos((_w2 * w) + _p2))));
}
