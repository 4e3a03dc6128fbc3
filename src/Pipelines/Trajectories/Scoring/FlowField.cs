namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>
/// The usual direction of motion per cell of a grid over the normal tracks' extent: the sum of
/// their unit step vectors. A cell whose steps disagree (mean resultant length below 0.5) or hold
/// fewer than 3 steps has no usual direction.
/// </summary>
internal sealed class FlowField
{
    private readonly int _cells;
    private readonly double _left, _top, _cellWidth, _cellHeight;
    private readonly double[] _sumX, _sumY;
    private readonly int[] _count;

    public FlowField(IReadOnlyList<TrajectoryPoint[]> tracks, int cells)
    {
        _cells = cells;
        double left = double.PositiveInfinity, top = double.PositiveInfinity, right = double.NegativeInfinity, bottom = double.NegativeInfinity;
        foreach (var track in tracks)
        {
            foreach (var p in track)
            {
                left = Math.Min(left, p.X);
                right = Math.Max(right, p.X);
                top = Math.Min(top, p.Y);
                bottom = Math.Max(bottom, p.Y);
            }
        }

        _left = double.IsFinite(left) ? left : 0;
        _top = double.IsFinite(top) ? top : 0;
        _cellWidth = double.IsFinite(right) && right > left ? (right - left) / cells : 1;
        _cellHeight = double.IsFinite(bottom) && bottom > top ? (bottom - top) / cells : 1;
        _sumX = new double[cells * cells];
        _sumY = new double[cells * cells];
        _count = new int[cells * cells];
        foreach (var track in tracks)
        {
            for (var i = 1; i < track.Length; i++)
            {
                var dx = track[i].X - track[i - 1].X;
                var dy = track[i].Y - track[i - 1].Y;
                var length = Math.Sqrt((dx * dx) + (dy * dy));
                if (length > 0 && Cell(track[i - 1].X, track[i - 1].Y) is var c and >= 0)
                {
                    _sumX[c] += dx / length;
                    _sumY[c] += dy / length;
                    _count[c]++;
                }
            }
        }
    }

    /// <summary>Gets the cosine between a step and the usual direction where it starts, or null where there is none.</summary>
    public double? Agreement(double x, double y, double dx, double dy)
    {
        var c = Cell(x, y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (c < 0 || _count[c] < 3 || !(length > 0))
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

    private int Cell(double x, double y)
    {
        var i = (int)Math.Floor((x - _left) / _cellWidth);
        var j = (int)Math.Floor((y - _top) / _cellHeight);
        i = i == _cells ? _cells - 1 : i;
        j = j == _cells ? _cells - 1 : j;
        return i < 0 || j < 0 || i >= _cells || j >= _cells ? -1 : (j * _cells) + i;
    }
}
