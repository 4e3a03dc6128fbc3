using System.Reactive.Concurrency;
using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Detections.Faces;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Tracking;
using Sensact.Simulators;
using Sensact.Simulators.Trajectories;

namespace Sensact.Training.Trajectories;

/// <summary>
/// Records normal traffic as trajectory-watch sees it: the <c>trajectory-watch</c> scene's camera
/// frames through UltraFace and the tracker (the application's settings), each confirmed track's
/// matched detections kept. A track is written when the object it follows most of the time is normal
/// in the scene's truth (the recording stands for a stretch of traffic an operator knows to be normal).
/// </summary>
internal static class CameraNormalTracks
{
    /// <summary>The match gate between a detection's centre and an object's true centre, fractions of the frame.</summary>
    private const double Gate = 0.05;

    public static int Write(string path, string detectorPath, TrackerOptions trackerOptions, int seed, TimeSpan duration, double rateHz)
    {
        var start = DateTimeOffset.UnixEpoch;
        var clock = new HistoricalScheduler(start);
        var camera = SimulatedScenes.CreateCamera("camera", new SimulatedSensorOptions { Scene = "trajectory-watch", Seed = seed, FrameRateHz = rateHz }, clock);
        using var detector = UltraFaceDetector.Load(detectorPath);
        var tracker = new MultiObjectTracker(trackerOptions);
        var script = new TrajectoryScript(seed);
        var observations = new TrajectoryObservation[script.MaxObjects];
        var faces = new Detection[detector.MaxFaces];
        var points = new Dictionary<long, List<TrajectoryPoint>>();
        var votes = new Dictionary<long, Dictionary<long, int>>();
        var confirmed = new HashSet<long>();
        using var subscription = camera.Frames.Subscribe(frame =>
        {
            try
            {
                var n = detector.Detect(frame.Payload, faces);
                var objects = Math.Min(script.ObservationsAt(frame.OriginatingTime, observations), observations.Length);
                var t = (frame.OriginatingTime - start).TotalSeconds;
                foreach (var track in tracker.Update(frame.OriginatingTime - start, faces.AsSpan(0, n)))
                {
                    if (track.DetectionIndex < 0)
                    {
                        continue;
                    }

                    var d = faces[track.DetectionIndex];
                    (points.TryGetValue(track.Id, out var list) ? list : points[track.Id] = []).Add(new TrajectoryPoint(t, d.CenterX, d.CenterY));
                    if (track.State == TrackState.Confirmed)
                    {
                        confirmed.Add(track.Id);
                    }

                    if (Nearest(observations.AsSpan(0, objects), d) is { } truth)
                    {
                        var ballot = votes.TryGetValue(track.Id, out var b) ? b : votes[track.Id] = [];
                        ballot[truth] = ballot.GetValueOrDefault(truth) + 1;
                    }
                }
            }
            finally
            {
                frame.Payload.Release();
            }
        });
        clock.AdvanceBy(duration);

        var normal = points.OrderBy(p => p.Key).Where(p =>
            confirmed.Contains(p.Key) && p.Value.Count >= 20 && votes.TryGetValue(p.Key, out var ballot)
            && script.Truth(ballot.MaxBy(v => v.Value).Key) is { IsAnomalous: false });
        return TrackCsvWriter.Write(path, normal.Select(p => (p.Key, (IEnumerable<TrajectoryPoint>)p.Value)));
    }

    private static long? Nearest(ReadOnlySpan<TrajectoryObservation> objects, Detection d)
    {
        long? best = null;
        var bestDistance = Gate;
        foreach (var o in objects)
        {
            var dx = (o.TrueX / TrajectoryScript.WorldWidth) - d.CenterX;
            var dy = (o.TrueY / TrajectoryScript.WorldHeight) - d.CenterY;
            var distance = Math.Sqrt((dx * dx) + (dy * dy));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (o.TrackId, distance);
            }
        }

        return best;
    }
}
