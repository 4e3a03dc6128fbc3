namespace Sensact.Simulators.Trajectories;

/// <summary>
/// A lane of the trajectory scene: a polyline in metres with its direction of travel (first point to
/// last), its speeds and its width; positions along it by arc length.
/// </summary>
internal sealed class TrajectoryLane
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _at;

    public TrajectoryLane(string name, double[] x, double[] y, double slotSeconds, double minSpeed, double maxSpeed, double halfWidth, double wander)
    {
        Name = name;
        _x = x;
        _y = y;
        _at = new double[x.Length];
        for (var i = 1; i < x.Length; i++)
        {
            _at[i] = _at[i - 1] + Math.Sqrt(((x[i] - x[i - 1]) * (x[i] - x[i - 1])) + ((y[i] - y[i - 1]) * (y[i] - y[i - 1])));
        }

        SlotSeconds = slotSeconds;
        MinSpeed = minSpeed;
        MaxSpeed = maxSpeed;
        HalfWidth = halfWidth;
        Wander = wander;
    }

    /// <summary>What the lane is, for the README and messages.</summary>
    public string Name { get; }

    /// <summary>The lane's length in metres.</summary>
    public double Length => _at[^1];

    /// <summary>One object may enter in each slot of this many seconds.</summary>
    public double SlotSeconds { get; }

    /// <summary>The least nominal speed of a normal object, m/s.</summary>
    public double MinSpeed { get; }

    /// <summary>The greatest nominal speed of a normal object, m/s.</summary>
    public double MaxSpeed { get; }

    /// <summary>Half the lane's width, metres: normal objects stay within it of the centre line.</summary>
    public double HalfWidth { get; }

    /// <summary>The greatest amplitude of a normal object's slow lateral wander, metres.</summary>
    public double Wander { get; }

    /// <summary>A straight lane from (x0, y0) to (x1, y1).</summary>
    public static TrajectoryLane Straight(string name, double x0, double y0, double x1, double y1, double slotSeconds, double minSpeed, double maxSpeed, double halfWidth, double wander) =>
        new(name, [x0, x1], [y0, y1], slotSeconds, minSpeed, maxSpeed, halfWidth, wander);

    /// <summary>An arc of the ellipse (cx - rx·cos θ, cy - ry·sin θ), θ from 0 to π, as <paramref name="segments"/> segments.</summary>
    public static TrajectoryLane Arc(string name, double cx, double cy, double rx, double ry, int segments, double slotSeconds, double minSpeed, double maxSpeed, double halfWidth, double wander)
    {
        var x = new double[segments + 1];
        var y = new double[segments + 1];
        for (var i = 0; i <= segments; i++)
        {
            var theta = Math.PI * i / segments;
            x[i] = cx - (rx * Math.Cos(theta));
            y[i] = cy - (ry * Math.Sin(theta));
        }

        return new(name, x, y, slotSeconds, minSpeed, maxSpeed, halfWidth, wander);
    }

    /// <summary>The point <paramref name="along"/> metres from the lane's start (clamped to the lane), and the unit direction of travel there.</summary>
    public void Locate(double along, out double x, out double y, out double tx, out double ty)
    {
        along = Math.Clamp(along, 0, Length);
        var i = Array.BinarySearch(_at, along);
        var segment = i >= 0 ? Math.Min(i, _at.Length - 2) : Math.Min(~i - 1, _at.Length - 2);
        var length = _at[segment + 1] - _at[segment];
        tx = (_x[segment + 1] - _x[segment]) / length;
        ty = (_y[segment + 1] - _y[segment]) / length;
        var offset = along - _at[segment];
        x = _x[segment] + (tx * offset);
        y = _y[segment] + (ty * offset);
    }

    /// <summary>The distance from (x, y) to the lane's centre line, metres, and the lane's unit direction of travel at the nearest point.</summary>
    public double Nearest(double x, double y, out double tx, out double ty)
    {
        var best = double.PositiveInfinity;
        (tx, ty) = (0, 0);
        for (var i = 0; i + 1 < _x.Length; i++)
        {
            var (dx, dy) = (_x[i + 1] - _x[i], _y[i + 1] - _y[i]);
            var u = Math.Clamp((((x - _x[i]) * dx) + ((y - _y[i]) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
            var (ex, ey) = (x - (_x[i] + (u * dx)), y - (_y[i] + (u * dy)));
            var distance = Math.Sqrt((ex * ex) + (ey * ey));
            if (distance < best)
            {
                best = distance;
                var length = Math.Sqrt((dx * dx) + (dy * dy));
                (tx, ty) = (dx / length, dy / length);
            }
        }

        return best;
    }
}
