using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Tracking;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Trajectories;

public class MultiObjectTrackerTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromSeconds(1.0 / 30);

    [Fact]
    public void Update_TwoObjectsCrossing_KeepTheirIds()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions());
        var random = new Random(3);
        long idA = 0, idB = 0;
        for (var f = 0; f < 90; f++)
        {
            var s = f / 90.0;
            Detection[] detections =
            [
                Detection.Point((float)(0.1 + (0.8 * s) + Noise(random)), (float)(0.1 + (0.8 * s) + Noise(random))),
                Detection.Point((float)(0.1 + (0.8 * s) + Noise(random)), (float)(0.9 - (0.8 * s) + Noise(random))),
            ];
            var tracks = tracker.Update(Frame * f, detections);
            if (f == 10)
            {
                idA = IdOf(tracks, 0);
                idB = IdOf(tracks, 1);
            }
            else if (f > 10)
            {
                Assert.Equal(idA, IdOf(tracks, 0));
                Assert.Equal(idB, IdOf(tracks, 1));
            }
        }

        Assert.Equal(2, tracker.Counters.Births);
    }

    [Fact]
    public void Update_ShortOcclusion_CarriesTheTrackByPrediction()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions { MaxMisses = 10 });
        long id = 0;
        for (var f = 0; f < 60; f++)
        {
            var x = 0.1f + (0.01f * f);
            var hidden = f is >= 20 and < 28;
            var tracks = tracker.Update(Frame * f, hidden ? [] : [Detection.Point(x, 0.5f)]);
            Assert.Single(tracks.ToArray());
            if (f == 10)
            {
                id = tracks[0].Id;
            }

            if (f > 10)
            {
                Assert.Equal(id, tracks[0].Id);
                Assert.Equal(hidden ? TrackState.Lost : TrackState.Confirmed, tracks[0].State);
            }
        }
    }

    [Fact]
    public void Update_LongOcclusion_DeletesTheTrack_TentativeDiesAtFirstMiss()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions { MaxMisses = 3 });
        for (var f = 0; f < 5; f++)
        {
            tracker.Update(Frame * f, [Detection.Point(0.5f, 0.5f)]);
        }

        for (var f = 5; f < 9; f++)
        {
            tracker.Update(Frame * f, []);
        }

        Assert.Empty(tracker.Tracks.ToArray());
        tracker.Update(Frame * 9, [Detection.Point(0.2f, 0.2f)]);
        Assert.Equal(TrackState.Tentative, tracker.Tracks[0].State);
        tracker.Update(Frame * 10, []);
        Assert.Empty(tracker.Tracks.ToArray());
        Assert.Equal(2, tracker.Counters.Deaths);
    }

    [Fact]
    public void Update_TwoHundredObjects_EachKeepsOneId()
    {
        var (tracker, truth) = TwoHundred(out var detections);
        var ids = new long[truth.Length];
        for (var f = 0; f < 60; f++)
        {
            Step(f, truth, detections);
            var tracks = tracker.Update(Frame * f, detections);
            Assert.Equal(truth.Length, tracks.Length);
            foreach (var track in tracks)
            {
                var o = track.DetectionIndex;
                Assert.True(o >= 0);
                if (f == 5)
                {
                    ids[o] = track.Id;
                }
                else if (f > 5)
                {
                    Assert.Equal(ids[o], track.Id);
                    Assert.Equal(TrackState.Confirmed, track.State);
                }
            }
        }

        Assert.Equal(200, tracker.Counters.Births);
    }

    [Fact]
    public void Update_TwoHundredObjectsWarm_AllocatesNothing()
    {
        var (tracker, truth) = TwoHundred(out var detections);
        var f = 0;
        for (; f < 10; f++)
        {
            Step(f, truth, detections);
            tracker.Update(Frame * f, detections);
        }

        var bytes = Allocations.SteadyState(() =>
        {
            Step(f, truth, detections);
            tracker.Update(Frame * f++, detections);
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Update_BadDetections_AreDroppedAndCountedWithoutHarmingTracks()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions { FrameWidth = 1, FrameHeight = 1 });
        for (var f = 0; f < 10; f++)
        {
            tracker.Update(Frame * f, [Detection.Point(0.1f + (0.01f * f), 0.5f)]);
        }

        var id = tracker.Tracks[0].Id;
        tracker.Update(Frame * 10, [Detection.Point(float.NaN, 0.5f), Detection.Point(0.2f, float.PositiveInfinity), Detection.Point(1.5f, 0.5f), new Detection(0.15f, 0.45f, -1, 1, 1)]);
        tracker.Update(Frame * 11, [Detection.Point(0.21f, 0.5f), Detection.Point(0.9f, 0.1f)]); // a teleport: a new track, not a jump
        tracker.Update(Frame * 11, [Detection.Point(0.9f, 0.9f)]); // duplicate time
        tracker.Update(Frame * 5, [Detection.Point(0.9f, 0.9f)]); // out of order
        tracker.Update(Frame * 12, [Detection.Point(0.22f, 0.5f), new Detection(0.9f, 0.9f, 0.2f, 0.2f, 1)]); // overhangs: cut

        var counters = tracker.Counters;
        Assert.Equal(3, counters.NonFinite);
        Assert.Equal(1, counters.OutsideFrame);
        Assert.Equal(2, counters.OutOfOrderFrames);
        Assert.Equal(1, counters.Clamped);
        var track = tracker.Tracks.ToArray().Single(t => t.Id == id);
        Assert.Equal(TrackState.Confirmed, track.State);
        Assert.InRange(track.X, 0.21, 0.23);
        Assert.InRange(track.Vx, 0.2, 0.4); // 0.01 per frame at 30 Hz
    }

    [Fact]
    public void Update_UnevenFrameTimes_FollowsTheMotion()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions());
        var random = new Random(5);
        var t = 0.0;
        for (var f = 0; f < 100; f++)
        {
            t += 0.01 + (random.NextDouble() * 0.09);
            tracker.Update(TimeSpan.FromSeconds(t), [Detection.Point((float)(0.1 + (0.2 * t)), (float)(0.8 - (0.1 * t)))]);
        }

        var track = Assert.Single(tracker.Tracks.ToArray());
        Assert.Equal(1, tracker.Counters.Births);
        Assert.InRange(track.Vx, 0.19, 0.21);
        Assert.InRange(track.Vy, -0.11, -0.09);
        var history = new TrajectoryPoint[16];
        Assert.Equal(16, tracker.CopyHistory(track.Id, history));
        Assert.Equal(t, history[^1].T, 6);
        Assert.True(history[0].T < history[^1].T);
    }

    [Fact]
    public void Update_BoxesByIou_MatchesOverlappingBoxes()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions { Cost = TrackCost.Iou });
        for (var f = 0; f < 20; f++)
        {
            tracker.Update(Frame * f, [new Detection(0.1f + (0.005f * f), 0.1f, 0.2f, 0.2f, 0.9f), new Detection(0.6f, 0.6f - (0.005f * f), 0.2f, 0.2f, 0.9f)]);
        }

        Assert.Equal(2, tracker.Counters.Births);
        Assert.All(tracker.Tracks.ToArray(), t => Assert.Equal(TrackState.Confirmed, t.State));
        Assert.All(tracker.Tracks.ToArray(), t => Assert.InRange(t.Width, 0.19, 0.21));
    }

    [Fact]
    public void Constructor_BadOptions_NamesTheKeys()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MultiObjectTracker(new TrackerOptions { Gate = -1, FrameWidth = 1 }));
        Assert.Contains("Tracker:Gate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Tracker:FrameWidth", ex.Message, StringComparison.Ordinal);
    }

    private static (MultiObjectTracker Tracker, (double X, double Y, double Vx, double Vy)[] Truth) TwoHundred(out Detection[] detections)
    {
        var random = new Random(9);
        var truth = new (double X, double Y, double Vx, double Vy)[200];
        for (var i = 0; i < truth.Length; i++)
        {
            // A 20 x 10 grid, 0.05 apart, each moving its own way at up to 0.1 per second.
            truth[i] = (0.025 + (0.05 * (i % 20)), 0.25 + (0.05 * (i / 20)), (random.NextDouble() - 0.5) * 0.2, (random.NextDouble() - 0.5) * 0.2);
        }

        detections = new Detection[truth.Length];
        return (new MultiObjectTracker(new TrackerOptions { MeasurementNoise = 1e-6 }), truth);
    }

    private static void Step(int f, (double X, double Y, double Vx, double Vy)[] truth, Detection[] detections)
    {
        var t = f / 30.0;
        for (var i = 0; i < truth.Length; i++)
        {
            detections[i] = Detection.Point((float)(truth[i].X + (truth[i].Vx * t)), (float)(truth[i].Y + (truth[i].Vy * t)));
        }
    }

    private static double Noise(Random random) => (random.NextDouble() - 0.5) * 0.004;

    private static long IdOf(ReadOnlySpan<Track> tracks, int detection)
    {
        foreach (var track in tracks)
        {
            if (track.DetectionIndex == detection)
            {
                return track.Id;
            }
        }

        return -1;
    }
}
