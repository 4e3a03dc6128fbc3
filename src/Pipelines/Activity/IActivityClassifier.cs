namespace Sensact.Pipelines.Activity;

/// <summary>Classifies the features of one accelerometer window into an activity.</summary>
public interface IActivityClassifier
{
    /// <summary>Gets the activities, in the order of <see cref="ActivityPrediction.Probabilities"/>.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Gets what the model's card says the pipeline needs: labels, window size, hop and sample rate.</summary>
    ActivityModelCard Card { get; }

    /// <summary>Classifies one window's features.</summary>
    /// <param name="features">The <see cref="ActivityFeatures.Count"/> features written by <see cref="ActivityFeatures.Extract"/>.</param>
    /// <returns>The most probable activity and every activity's probability.</returns>
    /// <exception cref="ArgumentException"><paramref name="features"/> does not hold <see cref="ActivityFeatures.Count"/> values.</exception>
    ActivityPrediction Classify(ReadOnlySpan<float> features);
}
