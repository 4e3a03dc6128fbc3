using System.Globalization;
using System.Reactive.Linq;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Pipelines;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Apps.Activity;

/// <summary>
/// One activity application: its sensor's frames through its delivery policy, sliding windows cut
/// as the model card says, features, the ONNX classifier, and decisions. <c>MinConfidence</c> and
/// <c>Model</c> can change while it runs (<c>config.set</c>, <c>model.swap</c>).
/// </summary>
internal sealed class ActivityApp(string name, ActivityAppOptions options, OnnxActivityClassifier classifier, ISharedSensor sensor) : IApplication
{
    private readonly SwappableClassifier _classifier = new(classifier);
    private SensorConsumer<ImuSample>? _consumer;
    private double _minConfidence = options.MinConfidence;
    private string _model = options.Model;

    public string Name => name;

    public string Kind => "activity";

    public IReadOnlyDictionary<string, ModelCard> Models =>
        new Dictionary<string, ModelCard> { [Path.GetFileName(Volatile.Read(ref _model))] = _classifier.Current.ModelCard };

    public IReadOnlyCollection<string> LiveKeys { get; } = [nameof(ActivityAppOptions.MinConfidence), nameof(ActivityAppOptions.Model)];

    public IObservable<AppEvent> Build(AppBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var imu = context.Sensors.Get<ImuSample>(options.SensorNames[0]);

        // One consumer for the application's lifetime: a restart subscribes it again, so its
        // counters keep counting. Only one build runs at a time (the runner disposes the old one first).
        var consumer = _consumer ??= imu.Consume(name, options.Delivery, context.Scheduler);
        // Read at every window: the sensor's source changes with sensor.rate.
        Func<string?>? truth = imu.Source is IGroundTruth ? () => (imu.Source as IGroundTruth)?.CurrentLabel : null;
        return consumer.Frames
            .SlidingWindows(_classifier.Card.WindowSize, _classifier.Card.Hop)
            .ClassifyActivity(_classifier, context.Scheduler, name, truth)
            .Where(decision => decision.Confidence >= Volatile.Read(ref _minConfidence));
    }

    public void CheckSource(string sensor, object source, ICollection<string> problems)
    {
        if (ActivityKind.RateProblem(_classifier.Card, sensor, source) is { } rate)
        {
            problems.Add(rate);
        }
    }

    public void Reconfigure(AppOptions next, ICollection<string> problems)
    {
        var activity = (ActivityAppOptions)next;
        var before = problems.Count;
        ActivityKind.CheckMinConfidence(activity, problems);
        OnnxActivityClassifier? loaded = null;
        if (problems.Count == before && !string.Equals(activity.Model, Volatile.Read(ref _model), StringComparison.Ordinal))
        {
            loaded = ActivityKind.Load(activity, sensor, problems);
            if (loaded is not null && (loaded.Card.WindowSize != _classifier.Card.WindowSize || loaded.Card.Hop != _classifier.Card.Hop))
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Model: the new model reads windows of {loaded.Card.WindowSize} samples every {loaded.Card.Hop}, the running one {_classifier.Card.WindowSize} every {_classifier.Card.Hop}; a model with other windows needs a restart of the agent with the new configuration."));
            }
        }

        if (problems.Count > before)
        {
            loaded?.Dispose();
            return;
        }

        Volatile.Write(ref _minConfidence, activity.MinConfidence);
        if (loaded is not null)
        {
            _classifier.Swap(loaded);
            Volatile.Write(ref _model, activity.Model);
        }
    }

    public void Dispose() => _classifier.Dispose();
}
