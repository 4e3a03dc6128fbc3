using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Windows;

namespace Sensact.Pipelines;

public static partial class StreamStages
{
    /// <summary>
    /// Classifies each accelerometer window into an activity and emits the decision. The features of
    /// a window are computed into buffers that one subscription reuses.
    /// </summary>
    /// <param name="windows">Windows of <see cref="ActivityModelCard.WindowSize"/> readings each.</param>
    /// <param name="classifier">The classifier; its card gives the window size.</param>
    /// <param name="scheduler">The clock latency is measured with; by default <see cref="Scheduler.Default"/>.</param>
    /// <param name="app">The application name put on every decision.</param>
    /// <param name="truth">Reads the ground truth of a replayed or simulated source when a decision is made; <c>null</c> for none.</param>
    /// <returns>
    /// One decision per window, whose latency runs from the window's last reading to the decision. A
    /// window of the wrong length or a classifier that throws ends the stream with <c>OnError</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> or <paramref name="classifier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="app"/> is null or empty.</exception>
    public static IObservable<Decision> ClassifyActivity(
        this IObservable<SensorWindow<ImuSample>> windows,
        IActivityClassifier classifier,
        IScheduler? scheduler = null,
        string app = "activity",
        Func<string?>? truth = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentException.ThrowIfNullOrEmpty(app);
        var clock = scheduler ?? Scheduler.Default;

        return Observable.Defer(() =>
        {
            var windowSize = classifier.Card.WindowSize;
            var samples = new ImuSample[windowSize];
            var features = new float[ActivityFeatures.Count];

            // Select turns an exception thrown here (wrong length, failing classifier) into OnError.
            return windows.Select(window =>
            {
                if (window.Count != windowSize)
                {
                    throw new InvalidOperationException(
                        $"Activity window {window.Sequence} from '{window.SourceId}' holds {window.Count} readings; the model's card expects {windowSize}. Cut windows with the card's WindowSize.");
                }

                var frames = window.Frames;
                for (var i = 0; i < windowSize; i++)
                {
                    samples[i] = frames[i].Payload;
                }

                ActivityFeatures.Extract(samples, features);
                var prediction = classifier.Classify(features);
                var probabilities = new Dictionary<string, float>(classifier.Labels.Count, StringComparer.Ordinal);
                for (var i = 0; i < classifier.Labels.Count; i++)
                {
                    probabilities[classifier.Labels[i]] = prediction.Probabilities[i];
                }

                return new Decision(
                    app,
                    prediction.Label,
                    prediction.Confidence,
                    clock.Now - window.End,
                    window.End,
                    window.SourceId,
                    window.Sequence,
                    probabilities)
                {
                    Truth = truth?.Invoke(),
                };
            });
        });
    }
}
