namespace Sensact.Pipelines;

/// <summary>
/// The Rx stages of Sensact's pipelines, extension methods on <see cref="IObservable{T}"/>. Each
/// family lives in its own file beside the concept it serves: <c>Delivery/</c>, <c>Windows/</c>,
/// <c>Resilience/</c>, <c>Activity/</c>.
/// </summary>
public static partial class StreamStages;
