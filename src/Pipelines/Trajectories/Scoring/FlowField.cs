namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>
/// What normal traffic does at each place: per cell of a grid over the normal tracks' extent, the
/// usual direction of motion (the sum of their unit step vectors) and the typical speed (the mean
/// of their step speeds), and, once added, how far normal steps stray from the predictor's guess (the
/// mean step residual). A cell whose steps disagree (mean resultant length below 0.5) or hold
/// fewer than 3 steps has no usual direction; a cell with fewer than 3 steps has no typical speed.
/// </summary>
internal sealed class FlowField
{
    private const int MinSteps = 3;

    // About 10 times the mean of a squared distance of two degrees of freedom: what one normal step rarely reaches.
    private const double ResidualCap = 20;
    private readonly int _cells;
    private readonly double _left, _top, _cellWidth, _cellHeight;
    private readonly double[] _sumX, _sumY, _sumSpeed, _sumResidual;
    private readonly int[] _count, _residuals;
    private double _totalResidual;
    private long _totalResiduals;

    public FlowField(IReadOnlyList<TrajectoryPoint[]> tracks, int cells)
    {
        _cells = cells;
        double left = double.PositiveInfinity, top = double.PositiveInfinity, right = double.NegativeInfinity, bottom = double.NegativeInfinity;
        foreach (var track in tracks)
        {
            foreach (var p in track)
            {
                if (double.IsFinite(p.X) && double.IsFinite(p.Y))
                {
                    left = Math.Min(left, p.X);
                    right = Math.Max(right, p.X);
                    top = Math.Min(top, p.Y);
                    bottom = Math.Max(bottom, p.Y);
                }
            }
        }

        _left = double.IsFinite(left) ? left : 0;
        _top = double.IsFinite(top) ? top : 0;
        _cellWidth = double.IsFinite(right) && right > left ? (right - left) / cells : 1;
        _cellHeight = double.IsFinite(bottom) && bottom > top ? (bottom - top) / cells : 1;
        _sumX = new double[cells * cells];
        _sumY = new double[cells * cells];
        _sumSpeed = new double[cells * cells];
        _count = new int[cells * cells];
        _sumResidual = new double[cells * cells];
        _residuals = new int[cells * cells];
        foreach (var track in tracks)
        {
            for (var i = 1; i < track.Length; i++)
            {
                var dx = track[i].X - track[i - 1].X;
                var dy = track[i].Y - track[i - 1].Y;
                var dt = track[i].T - track[i - 1].T;
                var length = Math.Sqrt((dx * dx) + (dy * dy));
                if (length > 0 && dt > 0 && double.IsFinite(length / dt) && Cell(track[i - 1].X, track[i - 1].Y) is var c and >= 0)
                {
                    _sumX[c] += dx / length;
                    _sumY[c] += dy / length;
                    _sumSpeed[c] += length / dt;
                    _count[c]++;
                }
            }
        }
    }

    /// <summary>Gets the cosine between a step and the usual direction of cell <paramref name="c"/> (<see cref="Cell"/>), or null where there is none.</summary>
    public double? AgreementIn(int c, double dx, double dy)
    {
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (c < 0 || _count[c] < MinSteps || !(length > 0))
        {
            return null;
        }

        var resultant = Math.Sqrt((_sumX[c] * _sumX[c]) + (_sumY[c] * _sumY[c]));
        if (resultant < 0.5 * _count[c])
        {
            return null;
        }

        return ((dx * _sumX[c]) + (dy * _sumY[c])) / (length * resultant);
    }

    /// <summary>Gets the typical speed of normal traffic (units per second) in cell <paramref name="c"/> (<see cref="Cell"/>), or null where too few steps were seen.</summary>
    public double? TypicalSpeedIn(int c)
    {
        return c < 0 || _count[c] < MinSteps ? null : _sumSpeed[c] / _count[c];
    }

    /// <summary>Adds a normal step residual (squared Mahalanobis distance from a prediction) at a place.</summary>
    public void AddResidual(double x, double y, double residual)
    {
        if (!double.IsFinite(residual))
        {
            return;
        }

        // Capped, so that a few anomalous tracks among the normal ones (unsupervised calibration) cannot hide a place's swerves.
        residual = Math.Min(residual, ResidualCap);

        _totalResidual += residual;
        _totalResiduals++;
        if (Cell(x, y) is var c and >= 0)
        {
            _sumResidual[c] += residual;
            _residuals[c]++;
        }
    }

    /// <summary>
    /// Gets the mean step residual of normal traffic in cell <paramref name="c"/> (<see cref="Cell"/>) (the mean over all places where fewer
    /// than 10 were seen; 1 before any is added): what a step residual there is divided by, so the
    /// step score means as much on a noisy walkway or at the frame's edge as on a smooth road.
    /// </summary>
    public double ResidualScaleIn(int c)
    {
        var mean = c >= 0 && _residuals[c] >= 10 ? _sumResidual[c] / _residuals[c] : _totalResiduals > 0 ? _totalResidual / _totalResiduals : 1;
        return Math.Max(mean, 1e-6);
    }

    /// <summary>Gets the grid cell holding a place, or -1 outside the grid.</summary>
    public int Cell(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return -1;
        }

        var i = (int)Math.Floor((x - _left) / _cellWidth);
        var j = (int)Math.Floor((y - _top) / _cellHeight);
        i = i == _cells ? _cells - 1 : i;
        j = j == _cells ? _cells - 1 : j;
        return i < 0 || j < 0 || i >= _cells || j >= _cells ? -1 : (j * _cells) + i;
    }
}
