using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Tracking;
using Sensact.Pipelines.Trajectories.Watching;
using Sensact.Simulators.Trajectories;

namespace Sensact.Evaluation.TrajectoryWatch;

/// <summary>
/// One seeded position scene through the live path: each frame's objects become face boxes (fractions
/// of the frame, as the camera's detector reports them) with missed detections and false ones drawn
/// from a seeded generator, then <see cref="TrackWatch"/> tracks and scores them. Tracks are matched to
/// ground truth each frame (CLEAR MOT: a match is kept while it stays within the gate, the rest are
/// matched greedily by distance), which gives MOTA and identity switches and attributes every score and
/// alarm to the object it follows.
/// </summary>
internal static class SceneRunner
{
    /// <summary>The match gate, in fractions of the frame (about 2 m across, 1.5 times a face's width).</summary>
    public const double Gate = 0.05;

    /// <summary>The share of objects the detector misses in a frame (UltraFace finds about 93 % of the scene's faces).</summary>
    public const double MissRate = 0.07;

    /// <summary>The false detections per frame (spread uniformly over the frame).</summary>
    public const double FalseDetectionsPerFrame = 0.02;

    /// <summary>The frame rate, as the shipped configuration runs the camera.</summary>
    public const double FrameRateHz = 10;

    public static SceneOutcome Run(int seed, TimeSpan duration, TrackerOptions tracker, TrajectoryScorer scorer, TrackWatchOptions options, LiveThresholds live, CancellationToken cancellation)
    {
        var script = new TrajectoryScript(seed);
        var random = new Random(seed * 7919);
        var watch = new TrackWatch(tracker, scorer, options, live);
        var outcome = new SceneOutcome { Seconds = duration.TotalSeconds };
        var truthEnd = duration - TimeSpan.FromSeconds(30);
        outcome.Truths.AddRange(script.TruthsEntering(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch + truthEnd));
        var truths = outcome.Truths.ToDictionary(t => t.TrackId);
        foreach (var truth in outcome.Truths)
        {
            outcome.BestScore[truth.TrackId] = double.NegativeInfinity;
        }

        var observations = new TrajectoryObservation[script.MaxObjects];
        var detections = new List<Detection>();
        var scored = new List<(long Hyp, double Score)>();
        var raised = new List<TrackAlarm>();
        var lastHypOfTruth = new Dictionary<long, long>();
        var matchedHyp = new Dictionary<long, long>(); // hyp -> truth this frame
        var candidates = new List<(double Distance, int Truth, int Hyp)>();
        var reported = new List<Track>();
        watch.Scored = (hyp, _, result) => scored.Add((hyp, result.Score));
        var frames = (long)(duration.TotalSeconds * FrameRateHz);
        for (long f = 0; f < frames; f++)
        {
            if ((f & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var time = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(f * TimeSpan.TicksPerSecond / FrameRateHz));
            var n = Detect(script, random, time, observations, detections);
            scored.Clear();
            raised.Clear();
            watch.Update(time - DateTimeOffset.UnixEpoch, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(detections), raised);
            reported.Clear();
            foreach (var t in watch.Tracker.Tracks)
            {
                if (t.State == TrackState.Confirmed && t.Misses == 0)
                {
                    reported.Add(t);
                }
            }

            Match(observations.AsSpan(0, n), reported, lastHypOfTruth, matchedHyp, candidates, outcome);
            foreach (var (hyp, score) in scored)
            {
                if (matchedHyp.TryGetValue(hyp, out var truthId) && outcome.BestScore.TryGetValue(truthId, out var best) && score > best)
                {
                    outcome.BestScore[truthId] = score;
                }
            }

            foreach (var alarm in raised)
            {
                outcome.Alarms++;
                var truth = !matchedHyp.TryGetValue(alarm.TrackId, out var truthId) ? null : truths.GetValueOrDefault(truthId) ?? script.Truth(truthId);
                if (truth is { Onset: { } onset } && time >= onset)
                {
                    if (truths.ContainsKey(truthId))
                    {
                        outcome.Delay.TryAdd(truthId, (time - onset).TotalMilliseconds);
                    }
                }
                else
                {
                    // On a normal object, before the anomaly's onset, or on no object at all.
                    outcome.FalseAlarms++;
                }
            }
        }

        outcome.TrackUpdates = watch.TrackUpdates;
        return outcome;
    }

    /// <summary>
    /// Records normal traffic as the live path sees it: the scene with its anomalous objects left out
    /// (a stretch of traffic an operator knows to be normal), its detections (misses and false ones
    /// included) through the tracker, each confirmed track's positions as the tracker keeps them; a track
    /// is kept when the object it follows most of the time is normal.
    /// </summary>
    /// <returns>The normal tracks, in order of their ids, with at least 20 positions each.</returns>
    public static List<TrajectoryPoint[]> NormalTracks(int seed, TimeSpan duration, TrackerOptions options)
    {
        var script = new TrajectoryScript(seed);
        var random = new Random(seed * 7919);
        var tracker = new MultiObjectTracker(options);
        var recorder = new TrackRecorder();
        var observations = new TrajectoryObservation[script.MaxObjects];
        var detections = new List<Detection>();
        var frames = (long)(duration.TotalSeconds * FrameRateHz);
        for (long f = 0; f < frames; f++)
        {
            var time = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(f * TimeSpan.TicksPerSecond / FrameRateHz));
            var n = Detect(script, random, time, observations, detections, normalOnly: true);
            var tracks = tracker.Update(time - DateTimeOffset.UnixEpoch, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(detections));
            recorder.Add(tracker, tracks, p => TrajectoryScenes.NearestObject(observations.AsSpan(0, n), p.X, p.Y, Gate));
        }

        return [.. recorder.Tracks(minPoints: 20).Where(t => t.Label is { } id && script.Truth(id) is { IsAnomalous: false }).Select(t => t.Points)];
    }

    /// <summary>Writes the objects present at <paramref name="time"/> and the detector's view of them (misses, false detections).</summary>
    /// <returns>How many objects are present.</returns>
    public static int Detect(TrajectoryScript script, Random random, DateTimeOffset time, TrajectoryObservation[] observations, List<Detection> detections, bool normalOnly = false)
    {
        var n = Math.Min(script.ObservationsAt(time, observations), observations.Length);
        detections.Clear();
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() >= MissRate && !(normalOnly && observations[i].Kind != TrajectoryAnomalyKind.None))
            {
                var box = TrajectoryScript.FaceBoxAt(observations[i].X, observations[i].Y);
                detections.Add(new Detection((float)box.Left, (float)box.Top, (float)box.Width, (float)box.Height, 0.9f));
            }
        }

        if (random.NextDouble() < FalseDetectionsPerFrame)
        {
            var box = TrajectoryScript.FaceBoxAt(random.NextDouble() * TrajectoryScript.WorldWidth, random.NextDouble() * TrajectoryScript.WorldHeight);
            detections.Add(new Detection((float)box.Left, (float)box.Top, (float)box.Width, (float)box.Height, 0.8f));
        }

        return n;
    }

    private static void Match(
        ReadOnlySpan<TrajectoryObservation> truth,
        List<Track> hyps,
        Dictionary<long, long> lastHypOfTruth,
        Dictionary<long, long> matchedHyp,
        List<(double Distance, int Truth, int Hyp)> candidates,
        SceneOutcome outcome)
    {
        matchedHyp.Clear();
        var truthMatched = new bool[truth.Length];
        var hypMatched = new bool[hyps.Count];
        // Keep last frame's matches that still hold.
        for (var g = 0; g < truth.Length; g++)
        {
            if (!lastHypOfTruth.TryGetValue(truth[g].TrackId, out var last))
            {
                continue;
            }

            for (var h = 0; h < hyps.Count; h++)
            {
                if (!hypMatched[h] && hyps[h].Id == last && Distance(truth[g], hyps[h]) < Gate)
                {
                    truthMatched[g] = hypMatched[h] = true;
                    matchedHyp[last] = truth[g].TrackId;
                    break;
                }
            }
        }

        candidates.Clear();
        for (var g = 0; g < truth.Length; g++)
        {
            for (var h = 0; h < hyps.Count; h++)
            {
                if (!truthMatched[g] && !hypMatched[h] && Distance(truth[g], hyps[h]) is var d && d < Gate)
                {
                    candidates.Add((d, g, h));
                }
            }
        }

        candidates.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        foreach (var (_, g, h) in candidates)
        {
            if (truthMatched[g] || hypMatched[h])
            {
                continue;
            }

            truthMatched[g] = hypMatched[h] = true;
            var id = truth[g].TrackId;
            if (lastHypOfTruth.TryGetValue(id, out var previous) && previous != hyps[h].Id)
            {
                outcome.IdSwitches++;
            }

            lastHypOfTruth[id] = hyps[h].Id;
            matchedHyp[hyps[h].Id] = id;
        }

        outcome.GroundTruth += truth.Length;
        outcome.Misses += truthMatched.Count(m => !m);
        outcome.FalsePositives += hypMatched.Count(m => !m);
    }

    private static double Distance(in TrajectoryObservation truth, in Track hyp)
    {
        var dx = (truth.TrueX / TrajectoryScript.WorldWidth) - hyp.X;
        var dy = (truth.TrueY / TrajectoryScript.WorldHeight) - hyp.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
