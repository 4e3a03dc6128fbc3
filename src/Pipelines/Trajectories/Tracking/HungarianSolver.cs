namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>
/// Optimal assignment with gating: the shortest-augmenting-path Hungarian method (Jonker-Volgenant
/// style, with row and column potentials), O(n² m) at worst and close to O(n m) when most rows find
/// a free column at once. Buffers are kept between calls, so a solve allocates nothing once they
/// have grown to the largest problem seen.
/// </summary>
/// <remarks>
/// Each row may also stay unassigned at the cost <c>gate</c> (a virtual column per row), and a pair
/// whose cost is above the gate is never assigned: the result minimises the sum of the assigned
/// costs plus <c>gate</c> for every unassigned row, which is the optimal gated matching.
/// </remarks>
internal sealed class HungarianSolver
{
    private double[] _u = [];
    private double[] _v = [];
    private double[] _minv = [];
    private int[] _p = [];
    private int[] _way = [];
    private bool[] _used = [];

    /// <summary>Solves a problem of <paramref name="rows"/> x <paramref name="cols"/> costs (row-major).</summary>
    /// <param name="cost">The costs; NaN counts as above the gate.</param>
    /// <param name="rows">Rows (tracks).</param>
    /// <param name="cols">Columns (detections).</param>
    /// <param name="gate">The largest cost a pair may have; also the cost of leaving a row unassigned.</param>
    /// <param name="rowToCol">Gets each row's column, or -1 when the row stays unassigned.</param>
    /// <returns>The total cost: assigned costs plus <paramref name="gate"/> per unassigned row.</returns>
    public double Solve(ReadOnlySpan<double> cost, int rows, int cols, double gate, Span<int> rowToCol)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (cost.Length < rows * cols || rowToCol.Length < rows)
        {
            throw new ArgumentException("The cost matrix or the result is smaller than rows x cols.");
        }

        if (!double.IsFinite(gate) || gate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gate), gate, "The gate must be finite and non-negative.");
        }

        rowToCol[..rows].Fill(-1);
        if (rows == 0)
        {
            return 0;
        }

        // Columns 1..cols are the detections, cols+1..cols+rows the rows' "unassigned" columns (1-based, as the method is usually written).
        var m = cols + rows;
        Ensure(rows, m);
        var u = _u.AsSpan(0, rows + 1);
        var v = _v.AsSpan(0, m + 1);
        var p = _p.AsSpan(0, m + 1);
        var way = _way.AsSpan(0, m + 1);
        var minv = _minv.AsSpan(0, m + 1);
        var used = _used.AsSpan(0, m + 1);
        u.Clear();
        v.Clear();
        p.Clear();
        way.Clear();

        for (var i = 1; i <= rows; i++)
        {
            p[0] = i;
            var j0 = 0;
            minv.Fill(double.PositiveInfinity);
            used.Clear();
            do
            {
                used[j0] = true;
                var i0 = p[j0];
                var delta = double.PositiveInfinity;
                var j1 = 0;
                var rowBase = (i0 - 1) * cols;
                for (var j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var c = j <= cols ? Gated(cost[rowBase + j - 1], gate) : (j - cols == i0 ? gate : double.PositiveInfinity);
                    var cur = c - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var total = 0.0;
        for (var j = 1; j <= m; j++)
        {
            if (p[j] == 0)
            {
                continue;
            }

            if (j <= cols)
            {
                rowToCol[p[j] - 1] = j - 1;
                total += cost[((p[j] - 1) * cols) + j - 1];
            }
            else
            {
                total += gate;
            }
        }

        return total;
    }

    private static double Gated(double c, double gate) => c <= gate ? c : double.PositiveInfinity;

    private void Ensure(int rows, int m)
    {
        if (_u.Length < rows + 1)
        {
            _u = new double[Math.Max(rows + 1, _u.Length * 2)];
        }

        if (_v.Length < m + 1)
        {
            var size = Math.Max(m + 1, _v.Length * 2);
            _v = new double[size];
            _minv = new double[size];
            _p = new int[size];
            _way = new int[size];
            _used = new bool[size];
        }
    }
}
