namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>
/// Records tracks as a <see cref="MultiObjectTracker"/> keeps them (a box overhanging the frame cut to it):
/// after each update, every track matched in the frame gets its newest position. An optional labeller
/// names the object at each recorded position (ground truth in a simulation); each track keeps the
/// label most of its positions got. Recording normal traffic this way gives the live scorer what it
/// will see (<c>NormalTracks</c> of trajectory-watch).
/// </summary>
public sealed class TrackRecorder
{
    private readonly Dictionary<long, List<TrajectoryPoint>> _points = [];
    private readonly Dictionary<long, Dictionary<long, int>> _votes = [];
    private readonly HashSet<long> _confirmed = [];
    private readonly TrajectoryPoint[] _newest = new TrajectoryPoint[1];

    /// <summary>Records the tracks of one frame.</summary>
    /// <param name="tracker">The tracker, just updated.</param>
    /// <param name="tracks">What its update returned.</param>
    /// <param name="label">Names the object at a position, or null for none; null: no labels.</param>
    public void Add(MultiObjectTracker tracker, ReadOnlySpan<Track> tracks, Func<TrajectoryPoint, long?>? label = null)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        foreach (ref readonly var track in tracks)
        {
            if (track.DetectionIndex < 0 || tracker.CopyHistory(track.Id, _newest) == 0)
            {
                continue;
            }

            var point = _newest[0];
            (_points.TryGetValue(track.Id, out var list) ? list : _points[track.Id] = []).Add(point);
            if (track.State == TrackState.Confirmed)
            {
                _confirmed.Add(track.Id);
            }

            if (label?.Invoke(point) is { } name)
            {
                var ballot = _votes.TryGetValue(track.Id, out var b) ? b : _votes[track.Id] = [];
                ballot[name] = ballot.GetValueOrDefault(name) + 1;
            }
        }
    }

    /// <summary>Gets the tracks that were ever confirmed and hold at least <paramref name="minPoints"/> positions, by id.</summary>
    /// <param name="minPoints">The fewest positions a track needs.</param>
    /// <returns>Each track's id, positions (oldest first) and the label most of them got (null without labels).</returns>
    public IEnumerable<(long Id, TrajectoryPoint[] Points, long? Label)> Tracks(int minPoints) =>
        _points.OrderBy(p => p.Key)
            .Where(p => _confirmed.Contains(p.Key) && p.Value.Count >= minPoints)
            .Select(p => (p.Key, p.Value.ToArray(), _votes.TryGetValue(p.Key, out var ballot) ? ballot.MaxBy(v => v.Value).Key : (long?)null));
}
