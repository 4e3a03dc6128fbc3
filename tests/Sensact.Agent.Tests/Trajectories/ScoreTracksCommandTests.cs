using System.Globalization;
using System.Text;
using Sensact.Agent.Hosting;
using Sensact.Agent.Tests.Mqtt;

namespace Sensact.Agent.Tests.Trajectories;

/// <summary><c>score-tracks</c> through the agent's command surface, on files in a temporary folder.</summary>
public sealed class ScoreTracksCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_NormalFile_FlagsTheAnomaliesOnly()
    {
        var normal = Write("normal.csv", Csv(Lanes(seed: 1, count: 150, prefix: "n")));
        var input = Write("input.csv", Csv([.. Lanes(seed: 2, count: 40, prefix: "ok"), ("wrong", Straight(new Random(3), 90, 10, -10)), ("fast", Straight(new Random(4), 0, 10, 25))]));
        var output = Path.Combine(_folder.Path, "scores.csv");

        var (code, stdout, stderr) = await Run("score-tracks", "--input", input, "--output", output, "--normal", normal);

        Assert.True(code == 0, stderr);
        var rows = ReadScores(output);
        Assert.Equal(42, rows.Count);
        Assert.Equal("track_id,score,is_anomaly", File.ReadLines(output).First());
        Assert.True(rows["wrong"].Anomaly);
        Assert.True(rows["fast"].Anomaly);
        Assert.True(rows.Count(r => r.Key.StartsWith("ok", StringComparison.Ordinal) && r.Value.Anomaly) <= 2);
        Assert.Contains("42 tracks scored", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoNormalFile_CalibratesOnTheInput()
    {
        var input = Write("input.csv", Csv([.. Lanes(seed: 5, count: 100, prefix: "ok"), ("wrong", Straight(new Random(6), 90, 10, -10))]));
        var output = Path.Combine(_folder.Path, "scores.csv");

        var (code, _, stderr) = await Run("score-tracks", "--input", input, "--output", output, "--kind");

        Assert.True(code == 0, stderr);
        var line = File.ReadLines(output).Single(l => l.StartsWith("wrong,", StringComparison.Ordinal));
        Assert.EndsWith(",1,wrong-way", line, StringComparison.Ordinal);
        Assert.True(ReadScores(output).Count(r => r.Value.Anomaly) <= 6);
    }

    [Fact]
    public async Task RunAsync_BadRowsAndOnePointTrack_ReportsLinesAndScoresTheRest()
    {
        var csv = new StringBuilder(Csv(Lanes(seed: 7, count: 30, prefix: "ok")));
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        csv.Append("single,0,1,2\n");
        csv.Append("ok0,abc,1,2\n");
        csv.Append("ok1,99,NaN,2\n");
        csv.Append("ok2,5\n");
        var input = Write("input.csv", csv.ToString());
        var output = Path.Combine(_folder.Path, "scores.csv");

        var (code, _, stderr) = await Run("score-tracks", "--input", input, "--output", output);

        Assert.Equal(3, code);
        Assert.Contains($"line {lines + 1}: track 'single' has 1 usable point", stderr, StringComparison.Ordinal);
        Assert.Contains($"line {lines + 2}: bad number 'abc' in column 't'", stderr, StringComparison.Ordinal);
        Assert.Contains($"line {lines + 3}: bad number 'NaN' in column 'x'", stderr, StringComparison.Ordinal);
        Assert.Contains($"line {lines + 4}: 2 fields, 4 needed", stderr, StringComparison.Ordinal);
        var rows = ReadScores(output);
        Assert.Equal(30, rows.Count);
        Assert.DoesNotContain("single", rows.Keys);
    }

    [Fact]
    public async Task RunAsync_MissingColumn_WritesNothingAndNamesIt()
    {
        var input = Write("input.csv", "track_id,time,x,y\na,0,1,2\n");
        var output = Path.Combine(_folder.Path, "scores.csv");

        var (code, _, stderr) = await Run("score-tracks", "--input", input, "--output", output);

        Assert.Equal(2, code);
        Assert.Contains("line 1: the header lacks the column 't'", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--output|x.csv", "--input <tracks.csv> is required")]
    [InlineData("--input|no-such-file.csv|--output|x.csv", "no-such-file.csv: cannot read")]
    [InlineData("--input|a.csv|--output|x.csv|--false-alarm-rate|2", "--false-alarm-rate must be")]
    [InlineData("--input|a.csv|--output|x.csv|--bogus", "unknown option '--bogus'")]
    public async Task RunAsync_BadArguments_ExitTwoWithTheReason(string arguments, string expected)
    {
        var (code, _, stderr) = await Run(["score-tracks", .. arguments.Split('|').Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? Path.Combine(_folder.Path, a) : a)]);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsTheUsage()
    {
        var (code, stdout, _) = await Run("score-tracks", "--help");

        Assert.Equal(0, code);
        Assert.Contains("track_id,score,is_anomaly", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AgentApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Dictionary<string, (double Score, bool Anomaly)> ReadScores(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => (double.Parse(f[1], CultureInfo.InvariantCulture), f[2] == "1"));

    // Two lanes: eastbound at y = 10, westbound at y = 20, about 10 units/s, 10 Hz, 80 points.
    private static IEnumerable<(string Id, (double T, double X, double Y)[] Points)> Lanes(int seed, int count, string prefix)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var east = i % 2 == 0;
            yield return ($"{prefix}{i}", Straight(random, east ? random.NextDouble() * 20 : 180 + (random.NextDouble() * 20), east ? 10 : 20, (east ? 1 : -1) * (10 + random.NextDouble() - 0.5)));
        }
    }

    private static (double T, double X, double Y)[] Straight(Random random, double x0, double y, double vx) =>
        [.. Enumerable.Range(0, 80).Select(i => (i * 0.1, x0 + (vx * i * 0.1) + ((random.NextDouble() - 0.5) * 0.1), y + ((random.NextDouble() - 0.5) * 0.1)))];

    private static string Csv(IEnumerable<(string Id, (double T, double X, double Y)[] Points)> tracks)
    {
        var csv = new StringBuilder("track_id,t,x,y\n");
        foreach (var (id, points) in tracks)
        {
            foreach (var (t, x, y) in points)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{id},{t:R},{x:R},{y:R}\n");
            }
        }

        return csv.ToString();
    }
}
