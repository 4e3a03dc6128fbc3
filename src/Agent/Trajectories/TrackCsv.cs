using System.Globalization;
using Sensact.Pipelines.Trajectories;

namespace Sensact.Agent.Trajectories;

/// <summary>
/// Reads tracks from CSV: a header naming <c>track_id</c>, <c>t</c>, <c>x</c> and <c>y</c> (any order,
/// other columns ignored), then one row per point. Bad rows are reported with their line number and
/// skipped; a track keeps the rest of its rows, sorted by time (a repeated time keeps its first row).
/// </summary>
internal static class TrackCsv
{
    public static readonly string[] Columns = ["track_id", "t", "x", "y"];

    /// <summary>Reads a file; null (and a problem) when it cannot be read or lacks a column.</summary>
    public static List<(string Id, TrajectoryPoint[] Points, int FirstLine)>? Read(string path, List<string> problems)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{path}: cannot read: {ex.Message}");
            return null;
        }

        var tracks = new Dictionary<string, (List<(TrajectoryPoint Point, int Line)> Rows, int FirstLine)>(StringComparer.Ordinal);
        var order = new List<string>();
        int[]? index = null;
        var lineNumber = 0;
        try
        {
            foreach (var line in lines)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var fields = line.Split(',');
                if (index is null)
                {
                    index = Header(path, lineNumber, fields, problems);
                    if (index is null)
                    {
                        return null;
                    }

                    continue;
                }

                if (Row(path, lineNumber, fields, index, problems) is not { } row)
                {
                    continue;
                }

                if (!tracks.TryGetValue(row.Id, out var track))
                {
                    track = ([], lineNumber);
                    tracks[row.Id] = track;
                    order.Add(row.Id);
                }

                track.Rows.Add((row.Point, lineNumber));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{path}: cannot read: {ex.Message}");
            return null;
        }

        if (index is null)
        {
            problems.Add($"{path}: empty; a header '{string.Join(',', Columns)}' is needed.");
            return null;
        }

        var result = new List<(string, TrajectoryPoint[], int)>(order.Count);
        foreach (var id in order)
        {
            var (rows, first) = tracks[id];
            var sorted = rows.OrderBy(r => r.Point.T).ToList(); // stable: a repeated time keeps the earlier row first
            var points = new List<TrajectoryPoint>(sorted.Count);
            foreach (var (point, line) in sorted)
            {
                if (points.Count > 0 && point.T == points[^1].T)
                {
                    problems.Add($"{path} line {line}: track '{id}' already has a point at t = {point.T.ToString(CultureInfo.InvariantCulture)}; row skipped.");
                    continue;
                }

                points.Add(point);
            }

            result.Add((id, [.. points], first));
        }

        return result;
    }

    private static int[]? Header(string path, int line, string[] fields, List<string> problems)
    {
        var names = fields.Select(f => f.Trim().Trim('"').ToLowerInvariant()).ToList();
        var index = Columns.Select(c => names.IndexOf(c)).ToArray();
        var missing = Columns.Where((_, i) => index[i] < 0).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{path} line {line}: the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} (it needs {string.Join(',', Columns)}).");
            return null;
        }

        return index;
    }

    private static (string Id, TrajectoryPoint Point)? Row(string path, int line, string[] fields, int[] index, List<string> problems)
    {
        var needed = index.Max() + 1;
        if (fields.Length < needed)
        {
            problems.Add($"{path} line {line}: {fields.Length} fields, {needed} needed; row skipped.");
            return null;
        }

        var id = fields[index[0]].Trim().Trim('"');
        if (id.Length == 0)
        {
            problems.Add($"{path} line {line}: empty track_id; row skipped.");
            return null;
        }

        Span<double> values = stackalloc double[3];
        for (var c = 1; c < 4; c++)
        {
            var text = fields[index[c]].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[c - 1]) || !double.IsFinite(values[c - 1]))
            {
                problems.Add($"{path} line {line}: bad number '{text}' in column '{Columns[c]}' (a finite number is needed); row skipped.");
                return null;
            }
        }

        return (id, new TrajectoryPoint(values[0], values[1], values[2]));
    }
}
