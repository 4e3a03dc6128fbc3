using Sensact.Pipelines.Trajectories;

namespace Sensact.Pipelines.Events;

/// <summary>A track that started to move as normal traffic does not: emitted once per anomalous episode of a track.</summary>
/// <param name="App">The application that saw it.</param>
/// <param name="TrackId">The tracker's id of the track.</param>
/// <param name="Points">The track's recent matched positions, oldest first (times in seconds of the source's clock, positions in the detector's units).</param>
/// <param name="Score">The anomaly score: the largest of the track's components in decades of rarity against normal traffic, less its live offset.</param>
/// <param name="Threshold">The threshold the score passed (the zone's, or the scene's).</param>
/// <param name="AnomalyKind">The guessed kind: wrong-way, sudden-stop, swerve, loitering, speeding or u-turn.</param>
/// <param name="Zone">The scoring zone holding most of the track, or null.</param>
/// <param name="Latency">From the originating time of the frame that raised it to its emission.</param>
/// <param name="OriginatingTime">The originating time of the frame whose detection made the track anomalous.</param>
/// <param name="Source">The sensor whose frames were tracked.</param>
/// <param name="Sequence">The event's number within its application.</param>
public sealed record Anomaly(
    string App,
    long TrackId,
    IReadOnlyList<TrajectoryPoint> Points,
    double Score,
    double Threshold,
    string AnomalyKind,
    string? Zone,
    TimeSpan Latency,
    DateTimeOffset OriginatingTime,
    string Source,
    long Sequence)
    : AppEvent(App, OriginatingTime, Source, Sequence, Latency)
{
    /// <inheritdoc />
    public override string Kind => "anomaly";
}
