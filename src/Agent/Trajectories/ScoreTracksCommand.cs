using System.Globalization;
using System.Text;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Scoring;

namespace Sensact.Agent.Trajectories;

/// <summary>
/// <c>sensact-agent score-tracks --input tracks.csv --output scores.csv [--normal normal.csv]</c>:
/// scores recorded tracks offline, before (and instead of) starting the agent.
/// </summary>
internal static class ScoreTracksCommand
{
    /// <summary>The sub-command's name, the first argument.</summary>
    public const string Name = "score-tracks";

    /// <summary>Every track was scored.</summary>
    public const int Success = 0;

    /// <summary>Nothing was written: bad arguments, an unreadable file, a missing column, or too few tracks to calibrate on.</summary>
    public const int Unusable = 2;

    /// <summary>Scores were written, but some rows or tracks were skipped (each reported on stderr).</summary>
    public const int Partial = 3;

    /// <summary>The text <c>score-tracks --help</c> prints.</summary>
    public const string Usage = """
        sensact-agent score-tracks: score recorded tracks for anomalies

        Usage: sensact-agent score-tracks --input <tracks.csv> --output <scores.csv> [--normal <normal.csv>]
                                          [--false-alarm-rate <rate>] [--kind]

          --input <file>              tracks to score: a header with track_id,t,x,y (any order), one row per point,
                                      t in seconds, x and y in any units
          --output <file>             written: track_id,score,is_anomaly (1 or 0) per track, in input order
          --normal <file>             normal tracks (same format) to calibrate the threshold on; without it the
                                      input itself is used, assuming most of its tracks are normal
          --false-alarm-rate <rate>   with --normal: the share of normal tracks allowed above the threshold (0.01)
          --kind                      add a column 'kind': the guessed kind of anomaly

        Exit codes: 0 every track scored, 2 nothing written (bad arguments or input, see stderr),
        3 scores written but some rows or tracks skipped (each on stderr with its line).
        See docs/trajectories.md.
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the command's name.</param>
    /// <param name="output">Where the summary and help go.</param>
    /// <param name="error">Where problems go, one line each.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        var parsed = Parse(args, problems);
        if (parsed.Help && problems.Count == 0)
        {
            output.WriteLine(Usage);
            return Success;
        }

        if (problems.Count > 0)
        {
            return Fail(error, problems, "  (sensact-agent score-tracks --help shows the usage)");
        }

        var input = TrackCsv.Read(parsed.Input!, problems);
        var normal = parsed.Normal is null ? null : TrackCsv.Read(parsed.Normal, problems);
        if (input is null || (parsed.Normal is not null && normal is null))
        {
            return Fail(error, problems);
        }

        var usable = input.Where(t => Usable(parsed.Input!, t, problems)).ToList();
        var calibration = normal is null ? usable : normal.Where(t => Usable(parsed.Normal!, t, problems)).ToList();
        TrajectoryScorer scorer;
        try
        {
            scorer = TrajectoryScorer.Calibrate(
                calibration.Select(t => t.Points).ToList(),
                new TrajectoryScoringOptions { TargetFalseAlarmRate = parsed.FalseAlarmRate },
                normal is null ? CalibrationMode.Unsupervised : CalibrationMode.Normal);
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{parsed.Normal ?? parsed.Input}: cannot calibrate: {ex.Message}");
            return Fail(error, problems);
        }

        var csv = new StringBuilder(parsed.Kind ? "track_id,score,is_anomaly,kind\n" : "track_id,score,is_anomaly\n");
        var anomalies = 0;
        foreach (var (id, points, line) in usable)
        {
            if (!scorer.TryScore(points, out var result))
            {
                problems.Add($"{parsed.Input} line {line}: track '{id}' has no two usable points; not scored.");
                continue;
            }

            anomalies += result.IsAnomaly ? 1 : 0;
            csv.Append(CultureInfo.InvariantCulture, $"{id},{result.Score:0.####},{(result.IsAnomaly ? 1 : 0)}");
            csv.Append(parsed.Kind ? $",{result.Kind}\n" : "\n");
        }

        try
        {
            File.WriteAllText(parsed.Output!, csv.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{parsed.Output}: cannot write: {ex.Message}");
            return Fail(error, problems);
        }

        foreach (var problem in problems)
        {
            error.WriteLine($"sensact-agent score-tracks: {problem}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{usable.Count} tracks scored, {anomalies} anomalous (threshold {scorer.Threshold:0.###}, calibrated on {(normal is null ? "the input" : parsed.Normal)}); written to {parsed.Output}"));
        return problems.Count == 0 ? Success : Partial;
    }

    private static bool Usable(string path, (string Id, TrajectoryPoint[] Points, int FirstLine) track, List<string> problems)
    {
        if (track.Points.Length >= 2)
        {
            return true;
        }

        problems.Add($"{path} line {track.FirstLine}: track '{track.Id}' has {track.Points.Length} usable point{(track.Points.Length == 1 ? "" : "s")}; at least 2 are needed, not scored.");
        return false;
    }

    private static int Fail(TextWriter error, List<string> problems, string? hint = null)
    {
        error.WriteLine("sensact-agent score-tracks: nothing written:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }

        if (hint is not null)
        {
            error.WriteLine(hint);
        }

        return Unusable;
    }

    private static Arguments Parse(IReadOnlyList<string> args, List<string> problems)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (args[i][..eq], args[i][(eq + 1)..]) : (args[i], null);
            string? Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                problems.Add($"{name} needs a value.");
                return null;
            }

            switch (name)
            {
                case "--input":
                    result.Input = Value();
                    break;
                case "--output":
                    result.Output = Value();
                    break;
                case "--normal":
                    result.Normal = Value();
                    break;
                case "--false-alarm-rate":
                    if (Value() is { } text)
                    {
                        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate < 1)
                        {
                            result.FalseAlarmRate = rate;
                        }
                        else
                        {
                            problems.Add($"--false-alarm-rate must be a number between 0 and 1, exclusive (got '{text}').");
                        }
                    }

                    break;
                case "--kind":
                    result.Kind = true;
                    break;
                case "--help" or "-h" or "-?":
                    result.Help = true;
                    break;
                default:
                    problems.Add($"unknown option '{args[i]}'.");
                    break;
            }
        }

        if (!result.Help)
        {
            if (string.IsNullOrWhiteSpace(result.Input))
            {
                problems.Add("--input <tracks.csv> is required.");
            }

            if (string.IsNullOrWhiteSpace(result.Output))
            {
                problems.Add("--output <scores.csv> is required.");
            }
        }

        return result;
    }

    private sealed class Arguments
    {
        public string? Input { get; set; }

        public string? Output { get; set; }

        public string? Normal { get; set; }

        public double FalseAlarmRate { get; set; } = 0.01;

        public bool Kind { get; set; }

        public bool Help { get; set; }
    }
}
