using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Tracking;

namespace Sensact.Pipelines.Tests.Trajectories;

public sealed class TrackRecorderTests
{
    [Fact]
    public void Add_KeepsWhatTheTrackerKeeps_ConfirmedAndLongEnough_WithTheMajorityLabel()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions { FrameWidth = 1, FrameHeight = 1, ConfirmHits = 3 });
        var recorder = new TrackRecorder();
        var frame = new Detection[2];
        for (var f = 0; f < 30; f++)
        {
            // A box sliding right off the frame's left edge (cut to the frame), and a lone detection once.
            frame[0] = new Detection(-0.05f + (0.01f * f), 0.5f, 0.2f, 0.1f, 0.9f);
            var count = 1;
            if (f == 10)
            {
                frame[1] = new Detection(0.8f, 0.1f, 0.05f, 0.05f, 0.9f);
                count = 2;
            }

            var tracks = tracker.Update(TimeSpan.FromSeconds(f * 0.1), frame.AsSpan(0, count));
            recorder.Add(tracker, tracks, p => p.Y > 0.3 ? (f < 20 ? 7 : 8) : null);
        }

        var (id, points, label) = Assert.Single(recorder.Tracks(minPoints: 20));
        Assert.Equal(30, points.Length);
        Assert.Equal(7, label); // 20 positions labelled 7, 10 labelled 8
        // Positions as the tracker keeps them: the first box overhangs the left edge, so its centre is that of the cut box.
        Assert.Equal(0.075, points[0].X, 5);
        Assert.Equal(0.01, points[29].X - points[28].X, 5); // inside the frame: the box moves as it is
        Assert.Empty(recorder.Tracks(minPoints: 31));
        Assert.True(id > 0);
    }
}
