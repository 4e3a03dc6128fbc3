using Sensact.Simulators.Trajectories;

namespace Sensact.Training.Trajectories;

/// <summary>
/// The learned predictor's contract: the last <see cref="Steps"/> displacements (dx, dy), oldest
/// first, each divided by s = the mean step length of those steps (at least 1e-6); the target is
/// the next displacement divided by the same s.
/// </summary>
internal static class TrajectoryHistory
{
    /// <summary>Displacements in a history.</summary>
    public const int Steps = 8;

    /// <summary>Numbers in a history: (dx, dy) per step.</summary>
    public const int Length = 2 * Steps;

    /// <summary>The smallest scale s.</summary>
    public const double MinScale = 1e-6;

    /// <summary>The history's element names: <c>dx1, dy1, …, dx8, dy8</c>, oldest first.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Enumerable.Range(1, Steps).SelectMany(i => new[] { $"dx{i}", $"dy{i}" }).ToArray();

    /// <summary>Writes the history ending at point <paramref name="last"/> (it needs <see cref="Steps"/> points before it) and returns its scale s.</summary>
    public static double Fill(IReadOnlyList<TrackPoint> points, int last, Span<float> history)
    {
        var first = last - Steps;
        var sum = 0.0;
        for (var i = 0; i < Steps; i++)
        {
            var (dx, dy) = Step(points, first + i);
            sum += Math.Sqrt((dx * dx) + (dy * dy));
        }

        var scale = Math.Max(sum / Steps, MinScale);
        for (var i = 0; i < Steps; i++)
        {
            var (dx, dy) = Step(points, first + i);
            history[2 * i] = (float)(dx / scale);
            history[(2 * i) + 1] = (float)(dy / scale);
        }

        return scale;
    }

    /// <summary>The displacement from point <paramref name="from"/> to the next.</summary>
    public static (double Dx, double Dy) Step(IReadOnlyList<TrackPoint> points, int from) =>
        (points[from + 1].X - points[from].X, points[from + 1].Y - points[from].Y);

    /// <summary>Every (history, next step) pair of <paramref name="tracks"/>: one per point with <see cref="Steps"/> steps before it and one after.</summary>
    /// <param name="tracks">The tracks.</param>
    /// <param name="augment">When given, each row is turned by a random angle and mirrored with probability 1/2 (history and target alike).</param>
    /// <returns>The rows.</returns>
    public static List<TrajectoryRow> Rows(IEnumerable<SimulatedTrack> tracks, Random? augment = null)
    {
        var rows = new List<TrajectoryRow>();
        foreach (var track in tracks)
        {
            for (var last = Steps; last + 1 < track.Points.Count; last++)
            {
                var history = new float[Length];
                var scale = Fill(track.Points, last, history);
                var (dx, dy) = Step(track.Points, last);
                var row = new TrajectoryRow { History = history, Dx = (float)(dx / scale), Dy = (float)(dy / scale) };
                if (augment is not null)
                {
                    Turn(row, augment.NextDouble() * 2 * Math.PI, augment.NextDouble() < 0.5);
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    // Turns a row by an angle (after mirroring y when asked): the scene's lanes run in a few
    // directions only, and the predictor must not learn which.
    private static void Turn(TrajectoryRow row, double angle, bool mirror)
    {
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        (float, float) Apply(float x, float y)
        {
            var my = mirror ? -y : y;
            return ((float)((cos * x) - (sin * my)), (float)((sin * x) + (cos * my)));
        }

        for (var i = 0; i < Steps; i++)
        {
            (row.History[2 * i], row.History[(2 * i) + 1]) = Apply(row.History[2 * i], row.History[(2 * i) + 1]);
        }

        (row.Dx, row.Dy) = Apply(row.Dx, row.Dy);
    }
}
