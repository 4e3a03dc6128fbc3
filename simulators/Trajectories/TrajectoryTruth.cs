namespace Sensact.Simulators.Trajectories;

/// <summary>The ground truth of one simulated track.</summary>
/// <param name="TrackId">The track's id, unique in its scene (lane + 3 · slot).</param>
/// <param name="Lane">The lane it follows (0 eastbound road, 1 westbound road, 2 curved walkway).</param>
/// <param name="Kind">Normal or the anomaly injected.</param>
/// <param name="Entry">When it enters the scene (at its lane's start; a wrong-way track at the lane's end).</param>
/// <param name="Onset">When the anomaly starts; <c>null</c> for a normal track.</param>
/// <param name="AnomalyEnd">When the anomaly is over (swerve: back in lane; sudden-stop and loitering: moving on); <c>null</c> when it lasts until the track leaves (wrong-way, speeding, u-turn) or the track is normal.</param>
public sealed record TrajectoryTruth(long TrackId, int Lane, TrajectoryAnomalyKind Kind, DateTimeOffset Entry, DateTimeOffset? Onset, DateTimeOffset? AnomalyEnd)
{
    /// <summary>Gets the kind in text: <c>normal</c>, <c>wrong-way</c>, <c>sudden-stop</c>, <c>swerve</c>, <c>loitering</c>, <c>speeding</c> or <c>u-turn</c>.</summary>
    public string Label => LabelOf(Kind);

    /// <summary>Gets whether the track is anomalous at all.</summary>
    public bool IsAnomalous => Kind != TrajectoryAnomalyKind.None;

    /// <summary>Gets the text of a kind (see <see cref="Label"/>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its label.</returns>
    public static string LabelOf(TrajectoryAnomalyKind kind) => kind switch
    {
        TrajectoryAnomalyKind.WrongWay => "wrong-way",
        TrajectoryAnomalyKind.SuddenStop => "sudden-stop",
        TrajectoryAnomalyKind.Swerve => "swerve",
        TrajectoryAnomalyKind.Loitering => "loitering",
        TrajectoryAnomalyKind.Speeding => "speeding",
        TrajectoryAnomalyKind.UTurn => "u-turn",
        _ => "normal",
    };

    /// <summary>Whether the track behaves anomalously at <paramref name="time"/> (from onset until the anomaly ends).</summary>
    /// <param name="time">A scene time while the track is present.</param>
    /// <returns>Whether the anomaly is under way.</returns>
    public bool IsAnomalousAt(DateTimeOffset time) =>
        Onset is { } onset && time >= onset && (AnomalyEnd is not { } end || time < end);
}
