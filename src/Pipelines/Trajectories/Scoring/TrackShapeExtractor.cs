using Sensact.Pipelines.Trajectories.Prediction;

namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>
/// Measures a track's components: positions are divided by (typical speed x the track's median
/// time step) and times by that step, so a typical step is about 1 long and 1 long in time at any
/// rate and in any units. Scratch buffers are reused: one caller at a time, no allocation once warm.
/// </summary>
internal sealed class TrackShapeExtractor
{
    private const double StepCap = 1e4;
    private readonly TrajectoryScoringOptions _options;
    private readonly ITrajectoryPredictor _predictor;
    private TrajectoryPoint[] _clean = new TrajectoryPoint[128];
    private TrajectoryPoint[] _norm = new TrajectoryPoint[128];
    private TrajectoryPoint[] _sub = new TrajectoryPoint[128];
    private double[] _scratch = new double[128];
    private double[] _speed = new double[128];
    private double[] _pace = new double[128];
    private int[] _lows = new int[128];
    private int[] _cells = new int[128]; // each clean position's cell of the flow field (set by LocalSpeed)
    private int[] _highs = new int[128];
    private double _unitSpeed;
    private PredictedPosition[] _predicted = new PredictedPosition[128];
    private bool[] _valid = new bool[128];
    private readonly int[] _zoneCounts;

    public TrackShapeExtractor(TrajectoryScoringOptions options, ITrajectoryPredictor predictor)
    {
        _options = options;
        _predictor = predictor;
        _zoneCounts = new int[options.Zones.Count];
    }

    /// <summary>Copies the finite points whose time increases; returns how many.</summary>
    public int Clean(ReadOnlySpan<TrajectoryPoint> raw)
    {
        Grow(raw.Length);
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var p = raw[i];
            if (double.IsFinite(p.T) && double.IsFinite(p.X) && double.IsFinite(p.Y) && (n == 0 || p.T > _clean[n - 1].T))
            {
                _clean[n++] = p;
            }
        }

        return n;
    }

    /// <summary>Gets a track's median time step and median speed (units/s); false with fewer than 2 usable points.</summary>
    public bool TryRate(ReadOnlySpan<TrajectoryPoint> raw, out double step, out double speed) => TryRate(Clean(raw), out step, out speed);

    private bool TryRate(int n, out double step, out double speed)
    {
        step = speed = 0;
        if (n < 2)
        {
            return false;
        }

        var s = _scratch.AsSpan(0, n - 1);
        for (var i = 1; i < n; i++)
        {
            s[i - 1] = _clean[i].T - _clean[i - 1].T;
        }

        step = Medians.Of(s);
        for (var i = 1; i < n; i++)
        {
            s[i - 1] = Distance(_clean[i], _clean[i - 1]) / (_clean[i].T - _clean[i - 1].T);
        }

        speed = Medians.Of(s);
        return step > 0 && double.IsFinite(speed);
    }

    /// <summary>
    /// Measures a track. Its unit of length is the typical speed of normal traffic where the track
    /// goes (the median over its positions of <paramref name="flow"/>'s speeds; <paramref name="typicalSpeed"/>
    /// where the field has none) times the track's median time step, so a pedestrian on a walkway and a
    /// car on a road both make steps about 1 long when they move as usual. Step residuals are divided by
    /// what normal traffic shows at the place (<see cref="FlowField.ResidualScaleIn"/>) once learned.
    /// </summary>
    public bool TryMeasure(ReadOnlySpan<TrajectoryPoint> raw, double typicalSpeed, FlowField? flow, out TrackShape shape)
    {
        shape = default;
        shape.Zone = -1;
        var n = Normalise(raw, typicalSpeed, flow);
        if (n < 2)
        {
            return false;
        }

        var norm = _norm.AsSpan(0, n);
        var half = Math.Max(2, _options.Window / 2);
        shape.Points = n;
        shape.Swerve = StepScore(norm, flow);
        var pace = Pace(n, flow);
        shape.Speeding = TrackMeasures.Speeding(norm, pace, half);
        shape.SuddenStop = TrackMeasures.Stop(norm, pace, _options.Window);
        shape.Loitering = TrackMeasures.Tortuosity(norm, _options.LoiterWindow, _sub, _scratch);
        shape.UTurn = TrackMeasures.Turning(norm, half, 4 * _options.Window, _lows, _highs, _speed);
        shape.WrongWay = flow is null ? 0 : TrackMeasures.WrongWay(_clean.AsSpan(0, n), _cells.AsSpan(0, n), flow);
        shape.Zone = Zone(_clean.AsSpan(0, n));
        return true;
    }

    /// <summary>Adds a normal track's step residuals (squared Mahalanobis distances from the predictor's guesses) to the places they occur at.</summary>
    public void AddResiduals(ReadOnlySpan<TrajectoryPoint> raw, double typicalSpeed, FlowField flow)
    {
        var n = Normalise(raw, typicalSpeed, flow);
        if (n < 2)
        {
            return;
        }

        var norm = _norm.AsSpan(0, n);
        _predictor.PredictTrack(norm, _predicted, _valid);
        for (var i = 0; i < n; i++)
        {
            if (_valid[i])
            {
                flow.AddResidual(_clean[i].X, _clean[i].Y, Math.Min(_predicted[i].Mahalanobis2(norm[i].X, norm[i].Y), StepCap));
            }
        }
    }

    // Cleans the track into _clean and writes it scaled into _norm; returns how many points, below 2 when it cannot be measured.
    private int Normalise(ReadOnlySpan<TrajectoryPoint> raw, double typicalSpeed, FlowField? flow)
    {
        var n = Clean(raw);
        if (!TryRate(n, out var step, out _))
        {
            return 0;
        }

        _unitSpeed = LocalSpeed(n, typicalSpeed, flow);
        var unit = _unitSpeed * step;
        unit = unit > 0 && double.IsFinite(unit) ? unit : 1;
        var t0 = _clean[0].T;
        for (var i = 0; i < n; i++)
        {
            _norm[i] = new TrajectoryPoint((_clean[i].T - t0) / step, _clean[i].X / unit, _clean[i].Y / unit);
        }

        return n;
    }

    // The typical speed of normal traffic at each position against the track's unit (1 where the field knows none):
    // what a speed there is divided by, so that slowing where all traffic slows (a bend, the frame's edge) is no stop.
    private ReadOnlySpan<double> Pace(int n, FlowField? flow)
    {
        var pace = _pace.AsSpan(0, n);
        if (flow is null)
        {
            pace.Fill(1);
            return pace;
        }

        for (var i = 0; i < n; i++)
        {
            pace[i] = flow.TypicalSpeedIn(_cells[i]) is { } local && _unitSpeed > 0 ? local / _unitSpeed : 1;
        }

        return pace;
    }

    // The median typical speed of normal traffic over the track's positions; the global one where the field knows none.
    private double LocalSpeed(int n, double typicalSpeed, FlowField? flow)
    {
        if (flow is null)
        {
            return typicalSpeed;
        }

        var speeds = _speed.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            _cells[i] = flow.Cell(_clean[i].X, _clean[i].Y);
            speeds[i] = flow.TypicalSpeedIn(_cells[i]) ?? typicalSpeed;
        }

        return Medians.Of(speeds);
    }

    private double StepScore(ReadOnlySpan<TrajectoryPoint> norm, FlowField? flow)
    {
        var horizon = _options.Horizon;
        var window = _scratch.AsSpan(0, horizon);
        double sum = 0, best = 0;
        var k = 0;
        _predictor.PredictTrack(norm, _predicted, _valid);
        for (var i = 0; i < norm.Length; i++)
        {
            if (!_valid[i])
            {
                continue;
            }

            var d2 = Math.Min(_predicted[i].Mahalanobis2(norm[i].X, norm[i].Y), StepCap) / (flow?.ResidualScaleIn(_cells[i]) ?? 1);
            var slot = k % horizon;
            sum += d2 - (k >= horizon ? window[slot] : 0);
            window[slot] = d2;
            k++;
            best = Math.Max(best, sum / Math.Min(k, horizon));
        }

        return best;
    }

    private int Zone(ReadOnlySpan<TrajectoryPoint> points)
    {
        var zones = _options.Zones;
        if (zones.Count == 0)
        {
            return -1;
        }

        Array.Clear(_zoneCounts);
        foreach (var p in points)
        {
            for (var z = 0; z < zones.Count; z++)
            {
                if (zones[z].Contains(p.X, p.Y))
                {
                    _zoneCounts[z]++;
                    break;
                }
            }
        }

        var best = -1;
        for (var z = 0; z < zones.Count; z++)
        {
            if (_zoneCounts[z] > 0 && (best < 0 || _zoneCounts[z] > _zoneCounts[best]))
            {
                best = z;
            }
        }

        return best;
    }

    private void Grow(int length)
    {
        if (_clean.Length < length)
        {
            var size = Math.Max(length, _clean.Length * 2);
            _clean = new TrajectoryPoint[size];
            _norm = new TrajectoryPoint[size];
            _sub = new TrajectoryPoint[size];
            _scratch = new double[size];
            _speed = new double[size];
            _pace = new double[size];
            _lows = new int[size];
            _cells = new int[size];
            _highs = new int[size];
            _predicted = new PredictedPosition[size];
            _valid = new bool[size];
        }

        if (_scratch.Length < _options.Horizon)
        {
            _scratch = new double[Math.Max(_options.Horizon, _clean.Length)];
        }
    }

    internal static double Distance(TrajectoryPoint a, TrajectoryPoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
