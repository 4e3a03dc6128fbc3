using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Tracking;
using Sensact.Pipelines.Trajectories.Watching;

namespace Sensact.Pipelines.Tests.Trajectories;

/// <summary>Live watching: tracks fed frame by frame as detections, scored as they grow, one alarm per anomalous episode.</summary>
public sealed class TrackWatchTests
{
    private static readonly TrackerOptions Tracker = new() { Cost = TrackCost.Euclidean, MaxDistance = 3, HistoryLength = 100, MaxMisses = 5 };

    [Fact]
    public void Update_NormalTraffic_RaisesNothing()
    {
        var (scorer, live) = Calibrated();
        var alarms = Feed(new TrackWatch(Tracker, scorer, new TrackWatchOptions(), live), new SyntheticTracks(99).Normals(30));

        Assert.Empty(alarms);
    }

    [Theory]
    [InlineData(AnomalyKinds.WrongWay)]
    [InlineData(AnomalyKinds.SuddenStop)]
    [InlineData(AnomalyKinds.Speeding)]
    public void Update_InjectedAnomaly_RaisesOneAlarmForTheTrack(string kind)
    {
        var (scorer, live) = Calibrated();
        var synthetic = new SyntheticTracks(7);
        var watch = new TrackWatch(Tracker, scorer, new TrackWatchOptions(), live);
        var alarms = Feed(watch, [synthetic.Normal(), synthetic.Anomalous(kind), synthetic.Normal()]);

        var alarm = Assert.Single(alarms);
        Assert.True(alarm.Result.IsAnomaly);
        Assert.True(alarm.Result.Score > alarm.Result.Threshold);
        Assert.Equal(scorer.Threshold, alarm.Result.Threshold, 9);
        // The score is the largest component less its live offset: the named kind's.
        Assert.Equal(kind, alarm.Result.Kind);
        Assert.InRange(alarm.Points.Count, new TrackWatchOptions().MinPoints, Tracker.HistoryLength);
        // The second track of the feed (frames 120..219), while it is alive.
        Assert.InRange(alarm.Time.TotalSeconds, 12.0, 22.0);
        Assert.Equal(0, watch.ActiveEpisodes); // the track ended, and its episode with it
    }

    [Fact]
    public void Update_FollowedThreeTimesFaster_ScoresTheHistoryThinnedToTheCalibrationRate()
    {
        var (scorer, live) = Calibrated();
        var watch = new TrackWatch(Tracker, scorer, new TrackWatchOptions { ScoreRateHz = 10 }, live);
        var steps = new List<double>();
        watch.Scored = (_, _, _) => { };
        var track = new SyntheticTracks(3).Normal();
        var alarms = new List<TrackAlarm>();
        var detection = new Detection[1];
        // The same positions, each seen in 3 frames at 30 Hz moving a third of the way to the next one.
        for (var f = 0; f < (track.Length - 1) * 3; f++)
        {
            var (a, b, w) = (track[f / 3], track[(f / 3) + 1], (f % 3) / 3.0);
            detection[0] = Detection.Point((float)(a.X + ((b.X - a.X) * w)), (float)(a.Y + ((b.Y - a.Y) * w)));
            watch.Update(TimeSpan.FromTicks(f * TimeSpan.TicksPerSecond / 30), detection, alarms);
            if (f > 60)
            {
                var history = new TrajectoryPoint[Tracker.HistoryLength];
                var n = watch.Tracker.CopyHistory(watch.Tracker.Tracks[0].Id, history);
                steps.Add(history[n - 1].T - history[n - 2].T);
            }
        }

        Assert.Empty(alarms);
        Assert.True(watch.Scores > 0);
        Assert.All(steps, s => Assert.Equal(1 / 30.0, s, 6)); // the tracker keeps every position; only scoring thins them
    }

    [Fact]
    public void LiveThresholds_ScoreNormalTracksAsTheyGrow_OnePerComponent_NeverNegative()
    {
        var (scorer, live) = Calibrated();
        Assert.Equal(AnomalyKinds.All.Count, live.Offsets.Count);
        Assert.All(live.Offsets, o => Assert.True(o >= 0));
        Assert.Same(LiveThresholds.None, new TrackWatch(Tracker, scorer, new TrackWatchOptions()).Live);
        Assert.All(LiveThresholds.None.Offsets, o => Assert.Equal(0, o));
        // With a target that lets nearly every track through, an offset is the least excess: 0 when some normal track never passes the threshold.
        var lenient = LiveThresholds.Calibrate(scorer, new SyntheticTracks(5).Normals(20), new TrackWatchOptions(), 100, 0.99);
        Assert.All(lenient.Offsets, o => Assert.Equal(0, o));
        Assert.Throws<ArgumentOutOfRangeException>(() => LiveThresholds.Calibrate(scorer, [], new TrackWatchOptions(), 100, 0));
    }

    [Fact]
    public void Options_Invalid_NameTheirKeys()
    {
        var problems = new TrackWatchOptions { MinPoints = 1, ScoreEvery = 0, QuietScores = 0 }.Validate("Apps:w:Watch").ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Apps:w:Watch:MinPoints", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Apps:w:Watch:ScoreEvery", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Apps:w:Watch:QuietScores", StringComparison.Ordinal));
    }

    private static (TrajectoryScorer Scorer, LiveThresholds Live) Calibrated()
    {
        var normal = new SyntheticTracks(1).Normals(200);
        var options = new TrajectoryScoringOptions();
        var scorer = TrajectoryScorer.Calibrate(normal, options);
        return (scorer, LiveThresholds.Calibrate(scorer, normal, new TrackWatchOptions(), Tracker.HistoryLength, options.TargetFalseAlarmRate));
    }

    // Each track in turn, 120 frames apart at 10 Hz, as point detections (so one object is in view at a time).
    private static List<TrackAlarm> Feed(TrackWatch watch, List<TrajectoryPoint[]> tracks)
    {
        var alarms = new List<TrackAlarm>();
        var detection = new Detection[1];
        for (var f = 0; f < tracks.Count * 120; f++)
        {
            var (track, k) = (tracks[f / 120], f % 120);
            var time = TimeSpan.FromTicks(f * TimeSpan.TicksPerSecond / 10);
            if (k < track.Length)
            {
                detection[0] = Detection.Point((float)track[k].X, (float)track[k].Y);
                watch.Update(time, detection, alarms);
            }
            else
            {
                watch.Update(time, [], alarms);
            }
        }

        return alarms;
    }
}
