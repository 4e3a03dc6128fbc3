using Sensact.Simulators.Trajectories;
using Sensact.Testing;

namespace Sensact.Simulators.Tests.Trajectories;

public sealed class TrajectorySceneTests
{
    private const double Rate = 10;
    private static readonly Lazy<IReadOnlyList<SimulatedTrack>> TenMinutes = new(() => TrajectoryScenes.Tracks(5, TimeSpan.FromMinutes(10), Rate));
    private static readonly TrajectoryScript Script = new(5);

    private static IEnumerable<SimulatedTrack> OfKind(TrajectoryAnomalyKind kind) => TenMinutes.Value.Where(t => t.Truth.Kind == kind);

    [Fact]
    public void SameSeed_GivesTheSameTracks_OtherSeedDiffers()
    {
        var a = TrajectoryScenes.Tracks(3, TimeSpan.FromMinutes(3), Rate);
        var b = TrajectoryScenes.Tracks(3, TimeSpan.FromMinutes(3), Rate);
        var c = TrajectoryScenes.Tracks(4, TimeSpan.FromMinutes(3), Rate);

        Assert.Equal(a.Select(t => t.Truth), b.Select(t => t.Truth));
        Assert.Equal(a.SelectMany(t => t.Points), b.SelectMany(t => t.Points));
        Assert.NotEqual(a.Select(t => t.Truth.Entry), c.Select(t => t.Truth.Entry));
    }

    [Fact]
    public void ManyTracksAMinute_AndAbout15PercentAnomalous_OfEveryKind()
    {
        var tracks = TenMinutes.Value;
        var anomalous = tracks.Count(t => t.Truth.IsAnomalous);

        Assert.InRange(tracks.Count / 10.0, 30, 60);
        Assert.InRange(anomalous / (double)tracks.Count, 0.08, 0.25);
        foreach (var kind in Enum.GetValues<TrajectoryAnomalyKind>())
        {
            Assert.True(OfKind(kind).Count() >= 3, $"{kind}: {OfKind(kind).Count()} tracks in 10 minutes");
        }
    }

    [Fact]
    public void Truth_OnsetLiesInTheTrack_AndPointsAreAnomalousFromItOn()
    {
        foreach (var track in TenMinutes.Value)
        {
            var points = track.Points;
            Assert.True(points.Count >= 40, $"track {track.Truth.TrackId}: {points.Count} points");
            if (!track.Truth.IsAnomalous)
            {
                Assert.Null(track.Truth.Onset);
                Assert.DoesNotContain(points, p => p.Anomalous);
                continue;
            }

            var onset = Seconds(track.Truth.Onset!.Value);
            Assert.InRange(onset, points[0].Time - (1 / Rate), points[^1].Time);
            Assert.All(points, p => Assert.Equal(track.Truth.IsAnomalousAt(SceneAt(p.Time)), p.Anomalous));
            Assert.Contains(points, p => p.Anomalous);
        }
    }

    [Fact]
    public void NormalTracks_StayInTheirLane_GoItsWay_AtItsSpeeds()
    {
        foreach (var track in OfKind(TrajectoryAnomalyKind.None))
        {
            var lane = Script.Lanes[track.Truth.Lane];
            foreach (var p in track.Points)
            {
                Assert.True(lane.Nearest(p.X, p.Y, out _, out _) < lane.HalfWidth, $"track {track.Truth.TrackId} leaves its lane at {p.Time}");
            }

            foreach (var (speed, along) in Velocities(track))
            {
                Assert.InRange(speed, 0.6 * lane.MinSpeed, 1.25 * lane.MaxSpeed);
                Assert.True(along > 0.8, $"track {track.Truth.TrackId} does not follow its lane ({along:F2})");
            }
        }
    }

    [Fact]
    public void WrongWay_GoesAgainstItsLane_Throughout()
    {
        foreach (var track in OfKind(TrajectoryAnomalyKind.WrongWay))
        {
            Assert.Equal(track.Truth.Entry, track.Truth.Onset);
            Assert.All(Velocities(track), v => Assert.True(v.Along < -0.8, $"track {track.Truth.TrackId}: {v.Along:F2}"));
        }
    }

    [Fact]
    public void SuddenStop_StandsStillAfterOnset_HavingMovedBefore()
    {
        foreach (var track in OfKind(TrajectoryAnomalyKind.SuddenStop))
        {
            var (onset, end) = (Seconds(track.Truth.Onset!.Value), Seconds(track.Truth.AnomalyEnd!.Value));
            var lane = Script.Lanes[track.Truth.Lane];
            Assert.All(Velocities(track, to: onset), v => Assert.True(v.Speed > 0.6 * lane.MinSpeed));
            var stopped = Velocities(track, from: onset + 1.2, to: end).ToList();
            Assert.NotEmpty(stopped);
            Assert.All(stopped, v => Assert.True(v.Speed < 0.3, $"track {track.Truth.TrackId}: {v.Speed:F2} m/s"));
        }
    }

    [Fact]
    public void Speeding_IsFasterThanEveryNormalTrackOfItsLane()
    {
        foreach (var track in OfKind(TrajectoryAnomalyKind.Speeding))
        {
            var normalMax = OfKind(TrajectoryAnomalyKind.None).Where(t => t.Truth.Lane == track.Truth.Lane).SelectMany(t => Velocities(t)).Max(v => v.Speed);
            var after = Velocities(track, from: Seconds(track.Truth.Onset!.Value) + 1.5, samples: 5).ToList();
            Assert.NotEmpty(after);
            Assert.All(after, v => Assert.True(v.Speed > normalMax, $"track {track.Truth.TrackId}: {v.Speed:F2} m/s, normal up to {normalMax:F2}"));
        }
    }

    [Fact]
    public void Swerve_LeavesTheLaneSharply_AndComesBack()
    {
        foreach (var track in OfKind(TrajectoryAnomalyKind.Swerve))
        {
            var lane = Script.Lanes[track.Truth.Lane];
            var (onset, end) = (Seconds(track.Truth.Onset!.Value), Seconds(track.Truth.AnomalyEnd!.Value));
            Assert.InRange(end - onset, 1.2, 2.0);
            var during = track.Points.Where(p => p.Time >= onset && p.Time < end).Max(p => lane.Nearest(p.X, p.Y, out _, out _));
            Assert.True(during > lane.HalfWidth + 0.3, $"track {track.Truth.TrackId}: {during:F2} m off the lane");
            Assert.All(track.Points.Where(p => p.Time > end + 0.2), p => Assert.True(lane.Nearest(p.X, p.Y, out _, out _) < lane.HalfWidth));
        }
    }

    [Fact]
    public void Loitering_LingersInASmallArea_ForTwentySecondsOrMore()
    {
        foreach (var track in OfKind(TrajectoryAnomalyKind.Loitering))
        {
            var (onset, end) = (Seconds(track.Truth.Onset!.Value), Seconds(track.Truth.AnomalyEnd!.Value));
            Assert.True(end - onset >= 20, $"track {track.Truth.TrackId}: {end - onset:F1} s");
            var lingering = track.Points.Where(p => p.Time >= onset && p.Time < end).ToList();
            var (cx, cy) = (lingering.Average(p => p.X), lingering.Average(p => p.Y));
            Assert.All(lingering, p => Assert.True(Math.Sqrt(((p.X - cx) * (p.X - cx)) + ((p.Y - cy) * (p.Y - cy))) < 5, $"track {track.Truth.TrackId} strays at {p.Time}"));

            // It wanders: the path while lingering is much longer than the area is wide.
            var path = lingering.Zip(lingering.Skip(1), (a, b) => Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)))).Sum();
            Assert.True(path > 8, $"track {track.Truth.TrackId}: {path:F1} m");
        }
    }

    [Fact]
    public void UTurn_TurnsRound_AndLeavesWhereItEntered()
    {
        foreach (var track in OfKind(TrajectoryAnomalyKind.UTurn))
        {
            var onset = Seconds(track.Truth.Onset!.Value);
            Assert.All(Velocities(track, to: onset), v => Assert.True(v.Along > 0.8));
            Assert.True(Velocities(track, from: onset + 8).All(v => v.Along < -0.8), $"track {track.Truth.TrackId} does not come back");
            var (first, last) = (track.Points[0], track.Points[^1]);
            Assert.True(Math.Abs(first.X - last.X) < 7 && Math.Abs(first.Y - last.Y) < 7, $"track {track.Truth.TrackId} leaves at ({last.X:F1}, {last.Y:F1}), entered at ({first.X:F1}, {first.Y:F1})");
        }
    }

    [Fact]
    public void ObservationsAt_AgreeWithTheTracks_AndAllocateNothing()
    {
        var observations = new TrajectoryObservation[Script.MaxObjects];
        var checkedPoints = 0;
        foreach (var track in TenMinutes.Value.Take(40))
        {
            foreach (var p in track.Points.Where((_, i) => i % 17 == 0))
            {
                var count = Script.ObservationsAt(SceneAt(p.Time), observations);
                Assert.InRange(count, 1, observations.Length);
                var seen = observations.AsSpan(0, count).ToArray().Single(o => o.TrackId == track.Truth.TrackId);
                Assert.Equal((p.X, p.Y, p.Anomalous), (seen.X, seen.Y, seen.Anomalous));
                Assert.Equal(track.Truth.Kind, seen.Kind);
                Assert.InRange(Math.Abs(seen.X - seen.TrueX), 0, 0.3);
                checkedPoints++;
            }
        }

        Assert.True(checkedPoints > 100);
        var at = SceneAt(300);
        Assert.Equal(0, Allocations.SteadyState(() => Script.ObservationsAt(at, observations)));
    }

    [Fact]
    public void Truth_ByIdAndByEntry_MatchTheTracks()
    {
        var tracks = TenMinutes.Value;
        var entering = Script.TruthsEntering(SceneAt(0), SceneAt(300)).ToDictionary(t => t.TrackId);
        foreach (var track in tracks.Where(t => Seconds(t.Truth.Entry) < 290))
        {
            Assert.Equal(track.Truth, Script.Truth(track.Truth.TrackId));
            Assert.Equal(track.Truth, entering[track.Truth.TrackId]);
        }

        Assert.Null(Script.Truth(-1));
    }

    // Velocities over 1 s (10 samples), to see through the measurement noise: speed, and the cosine with the lane's direction.
    private static IEnumerable<(double Speed, double Along)> Velocities(SimulatedTrack track, double from = double.NegativeInfinity, double to = double.PositiveInfinity, int samples = 10)
    {
        var lane = Script.Lanes[track.Truth.Lane];
        var points = track.Points;
        for (var i = 0; i + samples < points.Count; i += samples / 2)
        {
            var (a, b) = (points[i], points[i + samples]);
            if (a.Time < from || b.Time > to)
            {
                continue;
            }

            var (vx, vy) = ((b.X - a.X) / (b.Time - a.Time), (b.Y - a.Y) / (b.Time - a.Time));
            var speed = Math.Sqrt((vx * vx) + (vy * vy));
            lane.Nearest((a.X + b.X) / 2, (a.Y + b.Y) / 2, out var tx, out var ty);
            yield return (speed, speed > 0 ? ((vx * tx) + (vy * ty)) / speed : 0);
        }
    }

    private static double Seconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalSeconds;

    private static DateTimeOffset SceneAt(double seconds) => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
