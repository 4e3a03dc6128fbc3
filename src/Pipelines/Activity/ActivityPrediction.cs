namespace Sensact.Pipelines.Activity;

/// <summary>What an activity classifier concluded about one window.</summary>
/// <param name="Label">The most probable activity.</param>
/// <param name="Confidence">The probability of <paramref name="Label"/>, in [0, 1].</param>
/// <param name="Probabilities">Every activity's probability, in the order of the classifier's labels.</param>
public sealed record ActivityPrediction(string Label, float Confidence, IReadOnlyList<float> Probabilities);
