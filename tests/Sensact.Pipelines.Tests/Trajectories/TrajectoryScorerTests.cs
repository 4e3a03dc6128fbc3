using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Trajectories;

public class TrajectoryScorerTests
{
    private static readonly TrajectoryScorer Scorer = TrajectoryScorer.Calibrate(new SyntheticTracks(1).Normals(300), new TrajectoryScoringOptions());

    public static TheoryData<string> Kinds() => [.. AnomalyKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TryScore_InjectedAnomaly_IsFlaggedWithItsKind(string kind)
    {
        var tracks = new SyntheticTracks(100 + AnomalyKinds.All.ToList().IndexOf(kind));
        var results = Enumerable.Range(0, 20).Select(_ => Score(Scorer, tracks.Anomalous(kind))).ToList();

        var summary = string.Join("; ", results.Select(r => $"{r.Score:F1} {r.Kind}"));
        Assert.True(results.All(r => r.IsAnomaly), $"threshold {Scorer.Threshold:F2}: {summary}");
        Assert.True(results.Count(r => r.Kind == kind) >= 18, summary);
    }

    [Fact]
    public void TryScore_NormalTracks_StayQuiet()
    {
        var normals = new SyntheticTracks(7).Normals(500);

        var alarms = normals.Count(t => Score(Scorer, t).IsAnomaly);

        // Calibrated at 1% on other normal tracks; 500 draws of a 1% rate stay under 3% by far.
        Assert.True(alarms <= 15, $"{alarms} false alarms of 500");
    }

    [Fact]
    public void TryScore_OtherUnitsAndRate_GivesTheSameVerdicts()
    {
        // The same scene in centimetres at 30 Hz (resampled by interpolation): normalising by the typical step makes it the same problem.
        var normals = new SyntheticTracks(1).Normals(300).Select(Rescale).ToList();
        var scorer = TrajectoryScorer.Calibrate(normals, new TrajectoryScoringOptions());
        var tracks = new SyntheticTracks(3);
        foreach (var kind in AnomalyKinds.All)
        {
            Assert.True(Score(scorer, Rescale(tracks.Anomalous(kind))).IsAnomaly, kind);
        }

        Assert.True(new SyntheticTracks(8).Normals(200).Count(t => Score(scorer, Rescale(t)).IsAnomaly) <= 8);
    }

    [Fact]
    public void Calibrate_Unsupervised_FindsTheFewAnomaliesAmongNormals()
    {
        var tracks = new SyntheticTracks(11);
        var input = tracks.Normals(180);
        var anomalies = AnomalyKinds.All.SelectMany(k => Enumerable.Range(0, 3).Select(_ => tracks.Anomalous(k))).ToList();
        input.AddRange(anomalies);

        var scorer = TrajectoryScorer.Calibrate(input, new TrajectoryScoringOptions(), CalibrationMode.Unsupervised);

        Assert.True(anomalies.Count == anomalies.Count(t => Score(scorer, t).IsAnomaly), $"threshold {scorer.Threshold:F2}: " + string.Join("; ", anomalies.Select(t => Score(scorer, t)).Select(r => $"{r.Score:F1} {r.Kind}")));
        Assert.True(input.Take(180).Count(t => Score(scorer, t).IsAnomaly) <= 9);
    }

    [Fact]
    public void Calibrate_ZoneWithFixedThreshold_AppliesItToItsTracks()
    {
        var options = new TrajectoryScoringOptions();
        options.Zones.Add(new ScoringZone { Name = "westbound", Left = -1000, Right = 1000, Top = 15, Bottom = 1000, Threshold = 1e6 });
        var scorer = TrajectoryScorer.Calibrate(new SyntheticTracks(1).Normals(300), options);
        var tracks = new SyntheticTracks(5);
        var speeding = Enumerable.Range(0, 20).Select(_ => tracks.Anomalous(AnomalyKinds.Speeding)).Select(t => Score(scorer, t)).ToList();

        Assert.All(speeding.Where(r => r.Zone == "westbound"), r => Assert.False(r.IsAnomaly));
        Assert.All(speeding.Where(r => r.Zone is null), r => Assert.True(r.IsAnomaly));
        Assert.Contains(speeding, r => r.Zone == "westbound");
        Assert.Equal(1e6, scorer.ZoneThresholds[0]);
    }

    [Fact]
    public void Calibrate_ZoneWithItsOwnRate_GetsItsOwnQuantile()
    {
        var options = new TrajectoryScoringOptions();
        options.Zones.Add(new ScoringZone { Name = "eastbound", Left = -1000, Right = 1000, Top = 0, Bottom = 15, TargetFalseAlarmRate = 0.2 });
        var normals = new SyntheticTracks(1).Normals(300);

        var scorer = TrajectoryScorer.Calibrate(normals, options);

        // At 20 % the zone's threshold lies far below the global 1 % one, and about a fifth of its normal tracks pass it.
        Assert.True(scorer.ZoneThresholds[0] < scorer.Threshold);
        var inZone = normals.Select(t => Score(scorer, t)).Where(r => r.Zone == "eastbound").ToList();
        Assert.InRange(inZone.Count(r => r.IsAnomaly) / (double)inZone.Count, 0.15, 0.25);
    }

    [Fact]
    public void TryScore_SpeedAndJitter_AreJudgedAgainstWhatIsUsualAtThePlace()
    {
        // Cars at about 10 m/s on two roads, pedestrians at 1.4 m/s on a walkway: the same sensor noise weighs far
        // more on a pedestrian's short steps, and a fast pedestrian is still slower than any car.
        var synthetic = new SyntheticTracks(21);
        var normal = synthetic.Normals(200);
        normal.AddRange(Enumerable.Range(0, 100).Select(_ => synthetic.Walker(1.4)));
        var scorer = TrajectoryScorer.Calibrate(normal, new TrajectoryScoringOptions());

        var runners = Enumerable.Range(0, 10).Select(_ => Score(scorer, synthetic.Walker(2.6, points: 80))).ToList();
        var walkers = Enumerable.Range(0, 100).Select(_ => Score(scorer, synthetic.Walker(1.4))).ToList();

        Assert.All(runners, r => Assert.True(r.IsAnomaly && r.Kind == AnomalyKinds.Speeding, $"{r.Score:F1} {r.Kind} (threshold {r.Threshold:F1})"));
        Assert.True(walkers.Count(r => r.IsAnomaly) <= 5, string.Join("; ", walkers.Where(r => r.IsAnomaly).Select(r => $"{r.Score:F1} {r.Kind}")));
    }

    [Fact]
    public void TryScore_BadPoints_AreSkippedNotPoisoning()
    {
        var track = new SyntheticTracks(9).Normal();
        var clean = Score(Scorer, track);
        var dirty = track.ToList();
        dirty.Insert(30, new TrajectoryPoint(track[29].T, double.NaN, 3));
        dirty.Insert(50, new TrajectoryPoint(track[10].T, 1e9, 1e9)); // out of order
        dirty.Insert(70, new TrajectoryPoint(double.PositiveInfinity, 0, 0));

        Assert.Equal(clean, Score(Scorer, [.. dirty]));
        Assert.False(Scorer.TryScore([new TrajectoryPoint(0, 1, 1)], out _));
    }

    [Fact]
    public void TryScore_WarmTrack_AllocatesNothing()
    {
        var track = new SyntheticTracks(9).Normal();

        Assert.Equal(0, Allocations.SteadyState(() => Scorer.TryScore(track, out _)));
    }

    [Fact]
    public void Calibrate_BadOptionsOrTooFewTracks_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrajectoryScorer.Calibrate(new SyntheticTracks(1).Normals(5), new TrajectoryScoringOptions { Horizon = 0 }));
        Assert.Contains("Scoring:Horizon", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TrajectoryScorer.Calibrate([[new TrajectoryPoint(0, 0, 0)]], new TrajectoryScoringOptions()));
    }

    [Fact]
    public void Validate_BadZone_NamesTheKey()
    {
        var options = new TrajectoryScoringOptions { TargetFalseAlarmRate = 1 };
        options.Zones.Add(new ScoringZone { Name = "", Left = 5, Right = 1, Top = 0, Bottom = 1, TargetFalseAlarmRate = 0 });

        var problems = options.Validate("Apps:road:Scoring").ToList();

        Assert.Contains(problems, p => p.StartsWith("Apps:road:Scoring:TargetFalseAlarmRate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Apps:road:Scoring:Zones:0:Name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Apps:road:Scoring:Zones:0: Left < Right", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Apps:road:Scoring:Zones:0:TargetFalseAlarmRate", StringComparison.Ordinal));
        Assert.Empty(new TrajectoryScoringOptions().Validate());
    }

    private static TrajectoryAnomaly Score(TrajectoryScorer scorer, TrajectoryPoint[] track)
    {
        Assert.True(scorer.TryScore(track, out var anomaly));
        return anomaly;
    }

    private static TrajectoryPoint[] Rescale(TrajectoryPoint[] track)
    {
        var result = new List<TrajectoryPoint>();
        var end = track[^1].T;
        for (var t = track[0].T; t <= end; t += 1.0 / 30)
        {
            var i = Math.Min((int)((t - track[0].T) / 0.1), track.Length - 2);
            var f = (t - track[i].T) / (track[i + 1].T - track[i].T);
            result.Add(new TrajectoryPoint(t, 100 * (track[i].X + (f * (track[i + 1].X - track[i].X))), 100 * (track[i].Y + (f * (track[i + 1].Y - track[i].Y)))));
        }

        return [.. result];
    }
}
