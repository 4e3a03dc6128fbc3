namespace Sensact.Pipelines.Events;

/// <summary>What a classifying application concluded about one window of sensor data.</summary>
/// <param name="App">The application that decided (for example <c>activity</c>).</param>
/// <param name="Label">The winning class.</param>
/// <param name="Confidence">The winning class's probability, in [0, 1].</param>
/// <param name="Latency">From the originating time of the window's last frame to the decision.</param>
/// <param name="OriginatingTime">The originating time of the window's last frame.</param>
/// <param name="Source">The sensor whose data was decided on.</param>
/// <param name="Sequence">The decision's number within its application.</param>
/// <param name="Probabilities">Every class's probability, by label.</param>
public sealed record Decision(
    string App,
    string Label,
    float Confidence,
    TimeSpan Latency,
    DateTimeOffset OriginatingTime,
    string Source,
    long Sequence,
    IReadOnlyDictionary<string, float> Probabilities)
    : AppEvent(App, OriginatingTime, Source, Sequence, Latency)
{
    /// <inheritdoc />
    public override string Kind => "decision";

    /// <summary>Gets the ground truth a replayed or simulated source reported when the decision was made, or <c>null</c>.</summary>
    public string? Truth { get; init; }
}
