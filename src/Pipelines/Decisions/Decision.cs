namespace Sensact.Pipelines.Decisions;

/// <summary>What a pipeline concluded about one window of sensor data.</summary>
/// <param name="Pipeline">The pipeline that decided (for example <c>activity</c>); it names the event topic.</param>
/// <param name="Label">The winning class.</param>
/// <param name="Confidence">The winning class's probability, in [0, 1].</param>
/// <param name="Latency">From the originating time of the window's last frame to the decision.</param>
/// <param name="OriginatingTime">The originating time of the window's last frame.</param>
/// <param name="SourceId">The source whose data was decided on.</param>
/// <param name="Sequence">The window's sequence number.</param>
/// <param name="Probabilities">Every class's probability, by label.</param>
public sealed record Decision(
    string Pipeline,
    string Label,
    float Confidence,
    TimeSpan Latency,
    DateTimeOffset OriginatingTime,
    string SourceId,
    long Sequence,
    IReadOnlyDictionary<string, float> Probabilities);
