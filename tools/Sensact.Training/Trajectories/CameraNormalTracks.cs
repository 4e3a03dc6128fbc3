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
/// positions as the tracker keeps them (<see cref="TrackRecorder"/>, the same the live scorer reads). A track is written when the object it follows most of the time is normal
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
        var recorder = new TrackRecorder();
        var script = new TrajectoryScript(seed);
        var observations = new TrajectoryObservation[script.MaxObjects];
        var faces = new Detection[detector.MaxFaces];
        using var subscription = camera.Frames.Subscribe(frame =>
        {
            try
            {
                var n = detector.Detect(frame.Payload, faces);
                var objects = Math.Min(script.ObservationsAt(frame.OriginatingTime, observations), observations.Length);
                var tracks = tracker.Update(frame.OriginatingTime - start, faces.AsSpan(0, n));
                recorder.Add(tracker, tracks, p => TrajectoryScenes.NearestObject(observations.AsSpan(0, objects), p.X, p.Y, Gate));
            }
            finally
            {
                frame.Payload.Release();
            }
        });
        clock.AdvanceBy(duration);

        var normal = recorder.Tracks(minPoints: 20).Where(t => t.Label is { } id && script.Truth(id) is { IsAnomalous: false });
        return TrackCsvWriter.Write(path, normal.Select(t => (t.Id, (IEnumerable<TrajectoryPoint>)t.Points)));
    }
}
