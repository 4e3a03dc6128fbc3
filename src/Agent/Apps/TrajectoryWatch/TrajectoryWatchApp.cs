using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Detections.Faces;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Sensors;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Watching;

namespace Sensact.Agent.Apps.TrajectoryWatch;

/// <summary>
/// One trajectory-watch application: camera frames -> UltraFace (every <c>DetectEvery</c>-th frame
/// unless alerting) -> tracker -> calibrated scorer -> one <see cref="Anomaly"/> per anomalous track
/// episode; while any episode lasts the camera runs at <c>AlertFrameRateHz</c> and every frame is
/// detected, restored after <c>HoldSeconds</c> without one.
/// </summary>
internal sealed class TrajectoryWatchApp(
    string name,
    TrajectoryWatchOptions options,
    UltraFaceDetector detector,
    TrajectoryScorer scorer,
    LiveThresholds live,
    IDisposable? predictor) : IApplication
{
    private SensorConsumer<ImageFrame>? _consumer;

    public string Name => name;

    public string Kind => TrajectoryWatchKind.KindName;

    public IReadOnlyDictionary<string, ModelCard> Models =>
        new Dictionary<string, ModelCard> { [Path.GetFileName(options.Detector)] = detector.Card };

    public IReadOnlyCollection<string> LiveKeys { get; } = [];

    public IObservable<AppEvent> Build(AppBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sensor = options.SensorNames[0];
        var camera = context.Sensors.Get<ImageFrame>(sensor);
        var consumer = _consumer ??= camera.Consume(name, options.Delivery, context.Scheduler);
        return Observable.Create<AppEvent>(observer =>
        {
            var watch = new TrackWatch(options.Tracker, scorer, options.Watch, live);
            var logger = context.Logging.CreateLogger("Sensact.Agent.Apps.TrajectoryWatch");
            var actions = new AlertActions(name, sensor, options.AlertFrameRateHz, TimeSpan.FromSeconds(options.HoldSeconds), context.Rates, logger);
            var faces = new Detection[detector.MaxFaces];
            var raised = new List<TrackAlarm>();
            long frames = 0;
            long sequence = 0;
            var subscription = consumer.Frames.Subscribe(
                frame =>
                {
                    try
                    {
                        if (frames++ % options.DetectEvery != 0 && !actions.Alerting)
                        {
                            return;
                        }

                        var found = detector.Detect(frame.Payload, faces);
                        raised.Clear();
                        var active = watch.Update(frame.OriginatingTime - DateTimeOffset.UnixEpoch, faces.AsSpan(0, found), raised);
                        foreach (var alarm in raised)
                        {
                            var points = alarm.Points.Count > options.EventPoints ? alarm.Points.Skip(alarm.Points.Count - options.EventPoints).ToArray() : alarm.Points;
                            observer.OnNext(new Anomaly(
                                name, alarm.TrackId, points, alarm.Result.Score, alarm.Result.Threshold, alarm.Result.Kind, alarm.Result.Zone,
                                context.Scheduler.Now - frame.OriginatingTime, frame.OriginatingTime, frame.SourceId, sequence++));
                        }

                        actions.Observe(frame.OriginatingTime, active);
                    }
                    finally
                    {
                        frame.Payload.Release();
                    }
                },
                observer.OnError,
                observer.OnCompleted);
            return new CompositeDisposable(subscription, actions);
        });
    }

    public void CheckSource(string sensor, object source, ICollection<string> problems)
    {
    }

    public void Reconfigure(AppOptions next, ICollection<string> problems)
    {
    }

    public void Dispose()
    {
        detector.Dispose();
        predictor?.Dispose();
    }
}
