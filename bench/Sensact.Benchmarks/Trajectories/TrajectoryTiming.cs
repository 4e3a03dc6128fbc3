using System.Diagnostics;
using System.Globalization;
using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Prediction;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Tracking;

namespace Sensact.Benchmarks.Trajectories;

/// <summary>
/// <c>trajectories [rounds]</c>: scoring throughput (complete 100-point tracks per CPU-second, one
/// thread; with the constant-velocity predictor and with the shipped learned one) and tracking cost (200 objects at 30 Hz: CPU per second of tracking, bytes per update),
/// in this process's CPU time so that other work on a shared machine does not count.
/// </summary>
internal static class TrajectoryTiming
{
    private const string LearnedModel = "models/trajectory/trajectory-predictor.onnx";

    public static void Run(int rounds)
    {
        Score(rounds, "constant velocity", null);
        using (var learned = OnnxTrajectoryPredictor.Load(Path.Combine(AppContext.BaseDirectory, LearnedModel), residualVariance: 1))
        {
            Score(rounds, "learned (ONNX)", learned);
        }

        Track(rounds);
    }

    // The same tracks for both predictors (seed 1); the learned one's residual variance is measured on the normal tracks, as the application does.
    private static void Score(int rounds, string name, OnnxTrajectoryPredictor? learned)
    {
        var random = new Random(1);
        var normal = Enumerable.Range(0, 500).Select(_ => Lane(random)).ToList();
        var tracks = Enumerable.Range(0, 2000).Select(_ => Lane(random)).ToArray();
        learned?.Calibrate(normal);
        var scorer = TrajectoryScorer.Calibrate(normal, new TrajectoryScoringOptions(), CalibrationMode.Normal, learned);
        var flagged = 0;
        foreach (var track in tracks)
        {
            scorer.TryScore(track, out var warm);
            flagged += warm.IsAnomaly ? 1 : 0;
        }

        var (cpu, wall, bytes) = Measure(() =>
        {
            for (var r = 0; r < rounds; r++)
            {
                foreach (var track in tracks)
                {
                    scorer.TryScore(track, out _);
                }
            }
        });
        var count = (double)rounds * tracks.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score 100-point tracks, {name} predictor: {count / cpu.TotalSeconds:F0} tracks per CPU-second ({cpu.TotalMilliseconds * 1e3 / count:F1} us CPU each, {wall.TotalMilliseconds * 1e3 / count:F1} us wall), {bytes / count:F1} B per track; {flagged} of {tracks.Length} flagged at 1%"));
    }

    private static void Track(int rounds)
    {
        var random = new Random(2);
        var objects = Enumerable.Range(0, 200).Select(i => (X: 0.025 + (0.05 * (i % 20)), Y: 0.25 + (0.05 * (i / 20)), Vx: (random.NextDouble() - 0.5) * 0.2, Vy: (random.NextDouble() - 0.5) * 0.2)).ToArray();
        var detections = new Detection[objects.Length];
        var tracker = new MultiObjectTracker(new TrackerOptions { MeasurementNoise = 1e-6 });
        var frame = 0;
        void Step()
        {
            var t = frame / 30.0;
            for (var i = 0; i < objects.Length; i++)
            {
                var o = objects[i];
                detections[i] = Detection.Point((float)(o.X + (o.Vx * t) + ((random.NextDouble() - 0.5) * 1e-3)), (float)(o.Y + (o.Vy * t) + ((random.NextDouble() - 0.5) * 1e-3)));
            }

            tracker.Update(TimeSpan.FromSeconds(t), detections);
            frame++;
        }

        for (var i = 0; i < 30; i++)
        {
            Step();
        }

        var frames = 30 * 10 * rounds; // 10 s of 30 Hz per round
        var (cpu, wall, bytes) = Measure(() =>
        {
            for (var i = 0; i < frames; i++)
            {
                Step();
            }
        });
        var seconds = frames / 30.0;
        var confirmed = tracker.Tracks.ToArray().Count(t => t.State == TrackState.Confirmed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"track 200 objects at 30 Hz: {cpu.TotalMilliseconds / seconds:F1} ms CPU per second of tracking ({cpu.TotalMilliseconds * 1e3 / frames:F0} us per frame, {wall.TotalMilliseconds * 1e3 / frames:F0} us wall), {bytes / (double)frames / 200:F2} B per track update; {confirmed} confirmed, {tracker.Counters.Births} births"));
    }

    private static (TimeSpan Cpu, TimeSpan Wall, long Bytes) Measure(Action work)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        work();
        wall.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        process.Refresh();
        return (process.TotalProcessorTime - cpu, wall.Elapsed, allocated);
    }

    // A straight lane with noise, 100 points at 10 Hz (eastbound at y = 10 or westbound at y = 20).
    private static TrajectoryPoint[] Lane(Random random)
    {
        var east = random.Next(2) == 0;
        var vx = (east ? 1 : -1) * (10 + random.NextDouble() - 0.5);
        var x0 = east ? random.NextDouble() * 50 : 150 + (random.NextDouble() * 50);
        var y = east ? 10.0 : 20.0;
        return [.. Enumerable.Range(0, 100).Select(i => new TrajectoryPoint(i * 0.1, x0 + (vx * i * 0.1) + ((random.NextDouble() - 0.5) * 0.1), y + ((random.NextDouble() - 0.5) * 0.1)))];
    }
}
