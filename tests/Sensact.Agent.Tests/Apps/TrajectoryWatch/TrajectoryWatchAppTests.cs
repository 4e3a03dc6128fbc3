using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Apps;
using Sensact.Agent.Apps.TrajectoryWatch;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Sensors;
using Sensact.Simulators;
using Sensact.Testing;

namespace Sensact.Agent.Tests.Apps.TrajectoryWatch;

/// <summary>The trajectory-watch kind on the simulated camera scene, in virtual time: UltraFace, the tracker and the scorer for real.</summary>
public sealed class TrajectoryWatchAppTests
{
    private const int Seed = 3;

    // A few seconds before the first wrong-way object after the first minute enters: traffic under way, an injected anomaly coming.
    private static readonly DateTimeOffset T0 = new Sensact.Simulators.Trajectories.TrajectoryScript(Seed)
        .TruthsEntering(DateTimeOffset.UnixEpoch.AddMinutes(1), DateTimeOffset.UnixEpoch.AddMinutes(30))
        .First(t => t.Kind == Sensact.Simulators.Trajectories.TrajectoryAnomalyKind.WrongWay).Entry.AddSeconds(-3);

    [Fact]
    public void Build_SimulatedStreet_EmitsAnomaliesOncePerTrackAndRaisesTheCameraRate()
    {
        var clock = new HistoricalScheduler(T0);
        using var hub = new SensorHub();
        hub.Add(new SharedSensor<ImageFrame>(SimulatedScenes.CreateCamera("street", Camera(10), clock), SensorRecovery.Default, clock, (_, _, _) => { }));
        var rates = new RecordingRates(10, hub, Camera, clock) { Now = () => clock.Now };
        var problems = new List<string>();
        // The mechanics, not the detection quality (the evaluation measures that): a low fixed threshold over the whole frame.
        var options = Options();
        options.Watch.CalibrateLive = false;
        options.Scoring.Zones.Add(new Sensact.Pipelines.Trajectories.Scoring.ScoringZone { Name = "street", Left = -1, Top = -1, Right = 2, Bottom = 2, Threshold = 8 });
        using var app = new TrajectoryWatchKind().Prepare("watch", options, hub, problems);
        Assert.Empty(problems);

        var events = app!.Build(new AppBuildContext(hub, clock, TimeProvider.System, NullLoggerFactory.Instance, rates)).Record(clock);
        clock.AdvanceBy(TimeSpan.FromSeconds(25));

        var anomalies = events.Values.Cast<Anomaly>().ToList();
        Assert.NotEmpty(anomalies);
        Assert.All(anomalies, a =>
        {
            Assert.Equal(("watch", "anomaly", "street"), (a.App, a.Kind, a.Source));
            Assert.True(a.Score > a.Threshold);
            Assert.Equal(("street", 8.0), (a.Zone, a.Threshold));
            Assert.Contains(a.AnomalyKind, Sensact.Pipelines.Trajectories.Scoring.AnomalyKinds.All);
            Assert.InRange(a.Points.Count, options.Watch.MinPoints, 30);
        });
        Assert.Equal(anomalies.Count, anomalies.Select(a => a.TrackId).Distinct().Count() + Reopened(anomalies));
        Assert.Equal(Enumerable.Range(0, anomalies.Count).Select(i => (long)i), anomalies.Select(a => a.Sequence));
        // The first anomaly raised the rate, while its frame was handled (frames reach the app shortly after their originating time).
        Assert.Equal(20, rates.Changes[0].Hz);
        Assert.InRange(rates.Changes[0].At - anomalies[0].OriginatingTime, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        // The rate only ever alternates between the alert and the normal one.
        Assert.All(rates.Changes.Select((c, i) => (c, i)), p => Assert.Equal(p.i % 2 == 0 ? 20 : 10, p.c.Hz));
    }

    [Fact]
    public void Build_ShippedCalibration_FlagsTheSpeedingCarAndNamesIt()
    {
        // The shipped settings end to end (normal traffic, live thresholds at the 1 % target): a car on a road lane
        // speeds up to twice the lane's speed; the alarm must come soon after the onset and follow that car.
        var script = new Sensact.Simulators.Trajectories.TrajectoryScript(Seed);
        var stop = script.TruthsEntering(DateTimeOffset.UnixEpoch.AddMinutes(1), DateTimeOffset.UnixEpoch.AddMinutes(30))
            .First(t => t.Kind == Sensact.Simulators.Trajectories.TrajectoryAnomalyKind.Speeding && t.Lane < 2);
        var onset = stop.Onset!.Value;
        var clock = new HistoricalScheduler(stop.Entry.AddSeconds(-2));
        using var hub = new SensorHub();
        hub.Add(new SharedSensor<ImageFrame>(SimulatedScenes.CreateCamera("street", Camera(20), clock), SensorRecovery.Default, clock, (_, _, _) => { }));
        var rates = new RecordingRates(20, hub, Camera, clock) { Now = () => clock.Now };
        var problems = new List<string>();
        // As configs/trajectory-watch.json: the camera at 20 Hz, every second frame detected, 30 Hz while alerting, scored at 10 Hz.
        var options = Options();
        (options.DetectEvery, options.AlertFrameRateHz, options.Watch.ScoreRateHz) = (2, 30, 10);
        using var app = new TrajectoryWatchKind().Prepare("watch", options, hub, problems);
        Assert.Empty(problems);

        var events = app!.Build(new AppBuildContext(hub, clock, TimeProvider.System, NullLoggerFactory.Instance, rates)).Record(clock);
        clock.AdvanceTo(onset.AddSeconds(5));

        var observations = new Sensact.Simulators.Trajectories.TrajectoryObservation[script.MaxObjects];
        var onTheCar = events.Values.Cast<Anomaly>().Where(a => a.OriginatingTime >= onset && Nearest(script, observations, a) == stop.TrackId).ToList();
        var summary = string.Join("; ", events.Values.Cast<Anomaly>().Select(a => $"{(a.OriginatingTime - onset).TotalSeconds:F1} s {a.AnomalyKind} {a.Score:F1} track {a.TrackId} near {Nearest(script, observations, a)} at ({a.Points[^1].X:F2},{a.Points[^1].Y:F2})")) + $" car {stop.TrackId} lane {stop.Lane}";
        Assert.True(onTheCar.Count > 0, $"no alarm on the speeding car in 5 s (alarms: {summary})");
        Assert.Equal(Sensact.Pipelines.Trajectories.Scoring.AnomalyKinds.Speeding, onTheCar[0].AnomalyKind);
        Assert.True(onTheCar[0].OriginatingTime - onset < TimeSpan.FromSeconds(3), summary);
    }

    [Fact]
    public void Prepare_BadOptions_NameEachKey()
    {
        using var hub = new SensorHub();
        var options = Options();
        options.Predictor = "magic";
        options.DetectEvery = 0;
        options.HoldSeconds = -1;
        options.AlertFrameRateHz = 0;
        options.Watch.MinPoints = 500;
        var problems = new List<string>();

        Assert.Null(new TrajectoryWatchKind().Prepare("watch", options, hub, problems));
        Assert.Contains(problems, p => p.StartsWith("Predictor must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DetectEvery", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("HoldSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AlertFrameRateHz", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Watch:MinPoints", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_MissingNormalTracks_NamesTheKeyAndTheFile()
    {
        using var hub = new SensorHub();
        var options = Options();
        options.NormalTracks = Path.Combine(AppContext.BaseDirectory, "no-such-normal.csv");
        var problems = new List<string>();

        Assert.Null(new TrajectoryWatchKind().Prepare("watch", options, hub, problems));
        Assert.Contains(problems, p => p.StartsWith("NormalTracks:", StringComparison.Ordinal) && p.Contains("no-such-normal.csv", StringComparison.Ordinal));
    }

    // The object nearest to the alarmed track's latest point when it was raised (positions in fractions of the frame).
    private static long Nearest(Sensact.Simulators.Trajectories.TrajectoryScript script, Sensact.Simulators.Trajectories.TrajectoryObservation[] observations, Anomaly anomaly)
    {
        var n = script.ObservationsAt(anomaly.OriginatingTime, observations);
        var last = anomaly.Points[^1];
        return observations.Take(n).MinBy(o => Math.Pow((o.TrueX / Sensact.Simulators.Trajectories.TrajectoryScript.WorldWidth) - last.X, 2) + Math.Pow((o.TrueY / Sensact.Simulators.Trajectories.TrajectoryScript.WorldHeight) - last.Y, 2)).TrackId;
    }

    // An episode may end and start again on one track; count the repeats.
    private static int Reopened(List<Anomaly> anomalies) => anomalies.Count - anomalies.Select(a => a.TrackId).Distinct().Count();

    private static SimulatedSensorOptions Camera(double hz) => new() { Scene = "trajectory-watch", Seed = Seed, FrameRateHz = hz };

    private static TrajectoryWatchOptions Options()
    {
        var options = new TrajectoryWatchOptions { Sensor = "street", DetectEvery = 1 };
        new TrajectoryWatchKind().Resolve(options, p => Path.Combine(AppContext.BaseDirectory, p));
        return options;
    }
}
