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
/// as the model card says, features, the ONNX classifier, and decisions.
/// </summary>
internal sealed class ActivityApp(string name, ActivityAppOptions options, OnnxActivityClassifier classifier) : IApplication
{
    private SensorConsumer<ImuSample>? _consumer;

    public string Name => name;

    public string Kind => "activity";

    public IReadOnlyDictionary<string, ModelCard> Models { get; } =
        new Dictionary<string, ModelCard> { [Path.GetFileName(options.Model)] = classifier.ModelCard };

    public IObservable<AppEvent> Build(AppBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sensor = context.Sensors.Get<ImuSample>(options.SensorNames[0]);

        // One consumer for the application's lifetime: a restart subscribes it again, so its
        // counters keep counting. Only one build runs at a time (the runner disposes the old one first).
        var consumer = _consumer ??= sensor.Consume(name, options.Delivery, context.Scheduler);
        Func<string?>? truth = sensor.Source is IGroundTruth groundTruth ? () => groundTruth.CurrentLabel : null;
        var minConfidence = options.MinConfidence;
        return consumer.Frames
            .SlidingWindows(classifier.Card.WindowSize, classifier.Card.Hop)
            .ClassifyActivity(classifier, context.Scheduler, name, truth)
            .Where(decision => decision.Confidence >= minConfidence);
    }

    public void Dispose() => classifier.Dispose();
}
