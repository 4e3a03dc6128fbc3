using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sensact.Agent.Apps.TrajectoryWatch;
using Sensact.Evaluation.Reporting;
using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Trajectories;
using Sensact.Pipelines.Trajectories.Prediction;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Tracking;
using Sensact.Pipelines.Trajectories.Watching;
using Sensact.Simulators.Trajectories;

namespace Sensact.Evaluation.TrajectoryWatch;

/// <summary>
/// <c>--app trajectory-watch</c>: three seeded position scenes (<c>Seed</c>, +1, +2; <c>--windows</c>
/// minutes of scene in all) through the live path (<see cref="SceneRunner"/>) with each predictor, the
/// scorer and its live thresholds calibrated on 30 min of normal traffic of scene 1001 recorded through
/// the same detections and tracker (<see cref="SceneRunner.NormalTracks"/>, the scene without its
/// anomalies; the application's <c>normal-traffic.csv</c> is the same scene through the camera), the
/// application's default tracker, scoring and watch settings.
/// </summary>
internal sealed class TrajectoryWatchEvaluation : IEvaluation
{
    private const int CalibrationSeed = 1001;
    private const int Scenes = 3;

    // The learned predictor was trained on seed 1 and tested on 1001: the scenes evaluated are 10 + --seed onwards.
    private const int SeedOffset = 10;
    private static readonly TimeSpan CalibrationSpan = TimeSpan.FromMinutes(30);

    public string App => "trajectory-watch";

    public int DefaultWindows => 30;

    public Task<EvaluationResult> RunAsync(EvaluationRun run, IProgress<string> progress, CancellationToken cancellation) =>
        Task.Run(() => Run(run, progress, cancellation), cancellation);

    private static EvaluationResult Run(EvaluationRun run, IProgress<string> progress, CancellationToken cancellation)
    {
        var defaults = new TrajectoryWatchOptions();
        var minutes = Math.Max(1.0, run.Windows / (double)Scenes);
        var firstSeed = run.Seed + SeedOffset;
        var normal = SceneRunner.NormalTracks(CalibrationSeed, CalibrationSpan, defaults.Tracker);
        var throughputTracks = TrajectoryScenes.Tracks(firstSeed, TimeSpan.FromMinutes(10), SceneRunner.FrameRateHz)
            .Select(TrajectoryScenes.InFrame).Where(t => t.Points.Count >= 100).Select(t => ToPoints(t)[..100]).ToList();
        var predictors = new JsonObject();
        var markdown = new StringBuilder();
        var kindDelays = new StringBuilder("\n| predictor | " + string.Join(" | ", AnomalyKinds.All.Select(k => $"delay p50 {k} (ms, detected)")) + " | live offsets (" + string.Join(", ", AnomalyKinds.All) + ") |\n| --- | " + string.Join(" | ", AnomalyKinds.All.Select(_ => "---")) + " | --- |\n");
        JsonObject? first = null;
        SceneOutcome[]? tracking = null;
        markdown.AppendLine(CultureInfo.InvariantCulture, $"### trajectory-watch (evaluation)\n\n{Scenes} seeded position scenes (seeds {firstSeed}-{firstSeed + Scenes - 1}, {minutes:0.#} min each at {SceneRunner.FrameRateHz} Hz), face boxes with {SceneRunner.MissRate:P0} missed and {SceneRunner.FalseDetectionsPerFrame} false detections per frame, through the tracker and the live scorer (each confirmed track scored at every matched frame once it has {defaults.Watch.MinPoints} points); thresholds calibrated on {normal.Count} normal tracks of seed {CalibrationSeed} ({CalibrationSpan.TotalMinutes} min) at a {defaults.Scoring.TargetFalseAlarmRate:P0} false-alarm target. AUC: each ground-truth track's highest live score, anomalous of a kind against all normal ones. Delay: anomaly onset to the first alarm on the track. Throughput on one thread of this machine (AMD EPYC, 2 shared cores, noisy).\n");
        markdown.AppendLine("| predictor | AUC | " + string.Join(" | ", AnomalyKinds.All.Select(k => $"AUC {k}")) + " | delay p50 / p95 (ms) | detected | false alarms/h | trajectories/s (100 points) |");
        markdown.AppendLine("| --- | --- | " + string.Join(" | ", AnomalyKinds.All.Select(_ => "---")) + " | --- | --- | --- | --- |");
        foreach (var name in new[] { TrajectoryWatchOptions.ConstantVelocity, TrajectoryWatchOptions.Learned })
        {
            // The card carries the residual variance per axis only; like the application, measure it on the normal tracks.
            using var learned = name == TrajectoryWatchOptions.Learned ? OnnxTrajectoryPredictor.Load(ModelPath(), residualVariance: 1) : null;
            learned?.Calibrate(normal);
            var predictor = (ITrajectoryPredictor?)learned ?? TrajectoryScorer.DefaultPredictor();
            var scorer = TrajectoryScorer.Calibrate(normal, defaults.Scoring, CalibrationMode.Normal, predictor);
            var live = LiveThresholds.Calibrate(scorer, normal, defaults.Watch, defaults.Tracker.HistoryLength, defaults.Scoring.TargetFalseAlarmRate);
            var outcomes = new SceneOutcome[Scenes];
            for (var s = 0; s < Scenes; s++)
            {
                progress.Report($"trajectory-watch: {name}, scene {firstSeed + s} ({minutes:0.#} min)");
                outcomes[s] = SceneRunner.Run(firstSeed + s, TimeSpan.FromMinutes(minutes), defaults.Tracker, scorer, defaults.Watch, live, cancellation);
            }

            tracking ??= outcomes;
            var json = Summarise(outcomes, scorer, throughputTracks, out var row);
            json["liveOffsets"] = new JsonObject(AnomalyKinds.All.Select((k, c) => KeyValuePair.Create(k, (JsonNode?)Math.Round(live.Offsets[c], 3))));
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {row}");
            predictors[name] = json;
            kindDelays.AppendLine($"| {name} | " + string.Join(" | ", AnomalyKinds.All.Select(k => json["detectionDelayByKindMs"]![k] is { } d ? $"{d["p50"]} ({d["detected"]})" : "-")) + " | " + string.Join(", ", live.Offsets.Select(o => o.ToString("0.00", CultureInfo.InvariantCulture))) + " |");
            first ??= json;
        }

        var updatesPerSecond = TrackUpdatesPerSecond(firstSeed, defaults.Tracker);
        var gt = tracking!.Sum(o => o.GroundTruth);
        var mota = 1 - ((tracking!.Sum(o => o.Misses) + tracking!.Sum(o => o.FalsePositives) + tracking!.Sum(o => o.IdSwitches)) / (double)gt);
        var idSwitches = tracking!.Sum(o => o.IdSwitches);
        markdown.Append(kindDelays);
        markdown.AppendLine(CultureInfo.InvariantCulture, $"\nTracker against ground truth (match gate {SceneRunner.Gate} of the frame, CLEAR MOT): MOTA {mota:0.000} ({tracking!.Sum(o => o.Misses)} misses, {tracking!.Sum(o => o.FalsePositives)} false positives, {idSwitches} identity switches over {gt} object-frames); {updatesPerSecond:N0} track updates/s (tracker alone, the scene's detections replayed).");
        var result = new JsonObject
        {
            ["app"] = "trajectory-watch",
            ["predictor"] = TrajectoryWatchOptions.ConstantVelocity,
            ["auc"] = first!["auc"]!.DeepClone(),
            ["aucByKind"] = first["aucByKind"]!.DeepClone(),
            ["detectionDelayMs"] = first["detectionDelayMs"]!.DeepClone(),
            ["detectionRate"] = first["detectionRate"]!.DeepClone(),
            ["falseAlarmsPerHour"] = first["falseAlarmsPerHour"]!.DeepClone(),
            ["mota"] = Math.Round(mota, 4),
            ["idSwitches"] = idSwitches,
            ["trajectoriesPerSecond"] = first["trajectoriesPerSecond"]!.DeepClone(),
            ["trackUpdatesPerSecond"] = Math.Round(updatesPerSecond),
            ["scene"] = new JsonObject
            {
                ["seeds"] = new JsonArray(Enumerable.Range(firstSeed, Scenes).Select(s => (JsonNode)s).ToArray()),
                ["minutesEach"] = minutes,
                ["frameRateHz"] = SceneRunner.FrameRateHz,
                ["missRate"] = SceneRunner.MissRate,
                ["falseDetectionsPerFrame"] = SceneRunner.FalseDetectionsPerFrame,
                ["calibration"] = new JsonObject { ["seed"] = CalibrationSeed, ["minutes"] = CalibrationSpan.TotalMinutes, ["normalTracks"] = normal.Count },
                ["groundTruthTracks"] = tracking!.Sum(o => o.Truths.Count),
                ["objectFrames"] = gt,
            },
            ["predictors"] = predictors,
        };
        return new EvaluationResult(result, markdown.ToString());
    }

    private static JsonObject Summarise(SceneOutcome[] outcomes, TrajectoryScorer scorer, List<TrajectoryPoint[]> throughputTracks, out string row)
    {
        var truths = outcomes.SelectMany(o => o.Truths.Select(t => (Truth: t, Score: o.BestScore[t.TrackId], Delay: o.Delay.TryGetValue(t.TrackId, out var d) ? d : double.NaN))).ToList();
        var negatives = truths.Where(t => !t.Truth.IsAnomalous).Select(t => t.Score).ToList();
        var positives = truths.Where(t => t.Truth.IsAnomalous).ToList();
        var auc = Roc.Auc(positives.Select(t => t.Score).ToList(), negatives);
        var byKind = new JsonObject();
        var kindCells = new List<string>();
        foreach (var kind in AnomalyKinds.All)
        {
            var ofKind = positives.Where(t => t.Truth.Label == kind).Select(t => t.Score).ToList();
            var value = Roc.Auc(ofKind, negatives);
            byKind[kind] = double.IsFinite(value) ? Math.Round(value, 4) : null;
            kindCells.Add(double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) + $" ({ofKind.Count})" : "-");
        }

        var delays = Percentiles.Of(positives.Select(t => t.Delay));
        var delayByKind = new JsonObject();
        foreach (var kind in AnomalyKinds.All)
        {
            var ofKind = positives.Where(t => t.Truth.Label == kind).ToList();
            var p = Percentiles.Of(ofKind.Select(t => t.Delay));
            delayByKind[kind] = p.Count == 0 ? null : new JsonObject { ["p50"] = Math.Round(p.P50), ["detected"] = $"{p.Count}/{ofKind.Count}" };
        }

        var hours = outcomes.Sum(o => o.Seconds) / 3600;
        var falseAlarms = outcomes.Sum(o => o.FalseAlarms) / hours;
        var detected = positives.Count(t => double.IsFinite(t.Delay)) / (double)Math.Max(1, positives.Count);
        var trajectories = TrajectoriesPerSecond(scorer, throughputTracks);
        row = string.Create(CultureInfo.InvariantCulture, $"{auc:0.000} | {string.Join(" | ", kindCells)} | {delays.P50:0} / {delays.P95:0} | {detected:P0} of {positives.Count} | {falseAlarms:0.0} | {trajectories:N0} |");
        return new JsonObject
        {
            ["auc"] = Math.Round(auc, 4),
            ["aucByKind"] = byKind,
            ["detectionDelayMs"] = delays.ToJson(),
            ["detectionDelayByKindMs"] = delayByKind,
            ["detectionRate"] = Math.Round(detected, 4),
            ["falseAlarmsPerHour"] = Math.Round(falseAlarms, 2),
            ["alarms"] = outcomes.Sum(o => o.Alarms),
            ["normalTracks"] = negatives.Count,
            ["anomalousTracks"] = positives.Count,
            ["trajectoriesPerSecond"] = Math.Round(trajectories),
            ["threshold"] = Math.Round(scorer.Threshold, 3),
        };
    }

    private static double TrajectoriesPerSecond(TrajectoryScorer scorer, List<TrajectoryPoint[]> tracks)
    {
        foreach (var track in tracks.Take(20))
        {
            scorer.TryScore(track, out _);
        }

        long scored = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var track in tracks)
            {
                scorer.TryScore(track, out _);
                scored++;
            }
        }

        return scored / clock.Elapsed.TotalSeconds;
    }

    private static double TrackUpdatesPerSecond(int seed, TrackerOptions options)
    {
        var script = new TrajectoryScript(seed);
        var random = new Random(seed * 7919);
        var observations = new TrajectoryObservation[script.MaxObjects];
        var frames = new List<Detection[]>();
        var detections = new List<Detection>();
        for (var f = 0; f < 6000; f++)
        {
            SceneRunner.Detect(script, random, DateTimeOffset.UnixEpoch.AddTicks(f * TimeSpan.TicksPerSecond / 10), observations, detections);
            frames.Add([.. detections]);
        }

        var tracker = new MultiObjectTracker(options);
        long updates = 0;
        var clock = Stopwatch.StartNew();
        for (var f = 0; f < frames.Count; f++)
        {
            updates += tracker.Update(TimeSpan.FromTicks(f * TimeSpan.TicksPerSecond / 10), frames[f]).Length;
        }

        return updates / clock.Elapsed.TotalSeconds;
    }

    private static TrajectoryPoint[] ToPoints(SimulatedTrack track) => [.. track.Points.Select(p => new TrajectoryPoint(p.Time, p.X, p.Y))];

    private static string ModelPath()
    {
        const string relative = "models/trajectory/trajectory-predictor.onnx";
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, relative);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException($"The learned predictor '{relative}' was found neither beside the runner nor above the working directory.");
    }
}
