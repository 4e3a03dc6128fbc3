using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Trajectories.Scoring;
using Sensact.Pipelines.Trajectories.Tracking;

namespace Sensact.Pipelines.Trajectories.Watching;

/// <summary>
/// Live anomaly watching: each frame's detections go through a <see cref="MultiObjectTracker"/>; every
/// confirmed track matched in the frame is scored (its recent history, as far as the tracker keeps it)
/// by a calibrated <see cref="TrajectoryScorer"/> once it has <see cref="TrackWatchOptions.MinPoints"/>
/// positions, each component lowered by its <see cref="LiveThresholds"/> offset. A track whose score passes
/// its threshold starts an anomalous episode, reported once as a <see cref="TrackAlarm"/>; the episode ends after
/// <see cref="TrackWatchOptions.QuietScores"/> scores in a row at or below the threshold, or when the
/// track is deleted, and a new one may start after that.
/// </summary>
/// <remarks>
/// The scorer's thresholds are set on whole normal tracks, but a live track is scored again and again
/// as it grows: the highest of those scores is what decides whether a normal track raises a false alarm.
/// <see cref="LiveThresholds.Calibrate"/> measures that on the normal tracks, so the live false-alarm rate
/// per track meets the target too.
/// One caller at a time. Scoring allocates nothing in steady state; an alarm copies the track's points.</remarks>
public sealed class TrackWatch
{
    private readonly MultiObjectTracker _tracker;
    private readonly TrajectoryScorer _scorer;
    private readonly TrackWatchOptions _options;
    private readonly TrajectoryPoint[] _history;
    private readonly Dictionary<long, Entry> _entries = [];
    private long _generation;

    /// <summary>Makes a watch.</summary>
    /// <param name="tracker">How to track; checked here.</param>
    /// <param name="scorer">The calibrated scorer, in the detections' units.</param>
    /// <param name="options">How to score; checked here.</param>
    /// <param name="live">What is taken off each component's score for live scoring (<see cref="LiveThresholds.Calibrate"/>); null: <see cref="LiveThresholds.None"/>.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public TrackWatch(TrackerOptions tracker, TrajectoryScorer scorer, TrackWatchOptions options, LiveThresholds? live = null)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid watch options: {string.Join(" ", problems)}", nameof(options));
        }

        Live = live ?? LiveThresholds.None;
        _tracker = new MultiObjectTracker(tracker);
        _scorer = scorer;
        _options = options;
        _history = new TrajectoryPoint[tracker.HistoryLength];
    }

    /// <summary>Gets what is taken off each component's score for live scoring.</summary>
    public LiveThresholds Live { get; }

    /// <summary>Gets the tracker (its live tracks and counters).</summary>
    public MultiObjectTracker Tracker => _tracker;

    /// <summary>Gets how many tracks are in an anomalous episode after the latest frame.</summary>
    public int ActiveEpisodes { get; private set; }

    /// <summary>Gets the track updates so far (a track matched, missed or started in a frame counts once).</summary>
    public long TrackUpdates { get; private set; }

    /// <summary>Gets the scores computed so far.</summary>
    public long Scores { get; private set; }

    /// <summary>Gets or sets a callback given every score (track id, frame time, result), for evaluation and diagnostics.</summary>
    public Action<long, TimeSpan, TrajectoryAnomaly>? Scored { get; set; }

    /// <summary>Takes one frame's detections.</summary>
    /// <param name="time">The frame's originating time.</param>
    /// <param name="detections">The frame's detections.</param>
    /// <param name="raised">Where the episodes that start in this frame go.</param>
    /// <returns>How many tracks are in an anomalous episode now.</returns>
    public int Update(TimeSpan time, ReadOnlySpan<Detection> detections, ICollection<TrackAlarm> raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        var tracks = _tracker.Update(time, detections);
        var generation = ++_generation;
        TrackUpdates += tracks.Length;
        foreach (ref readonly var track in tracks)
        {
            if (!_entries.TryGetValue(track.Id, out var entry))
            {
                entry = new Entry();
                _entries[track.Id] = entry;
            }

            entry.Generation = generation;
            if (track.State != TrackState.Confirmed || track.Misses > 0 || track.Hits < _options.MinPoints)
            {
                continue;
            }

            if (++entry.SinceScored < _options.ScoreEvery && !entry.Anomalous)
            {
                continue;
            }

            entry.SinceScored = 0;
            var n = Thin(_tracker.CopyHistory(track.Id, _history));
            if (!_scorer.TryScore(_history.AsSpan(0, n), Live.Span, out var result))
            {
                continue;
            }

            Scores++;
            Scored?.Invoke(track.Id, time, result);
            if (result.IsAnomaly)
            {
                entry.Quiet = 0;
                if (!entry.Anomalous)
                {
                    entry.Anomalous = true;
                    raised.Add(new TrackAlarm(track.Id, result, _history.AsSpan(0, n).ToArray(), time));
                }
            }
            else if (entry.Anomalous && ++entry.Quiet >= _options.QuietScores)
            {
                entry.Anomalous = false;
            }
        }

        var active = 0;
        foreach (var (id, entry) in _entries)
        {
            if (entry.Generation != generation)
            {
                _entries.Remove(id);
            }
            else if (entry.Anomalous)
            {
                active++;
            }
        }

        ActiveEpisodes = active;
        return active;
    }

    // Keeps, from the newest back, positions at least 1 / ScoreRateHz apart, in place; returns how many.
    private int Thin(int n)
    {
        if (_options.ScoreRateHz is not { } rate || n < 2)
        {
            return n;
        }

        var spacing = (1 / rate) * 0.999;
        var kept = 1;
        var write = n - 2; // _history[n - 1] stays the newest
        var last = _history[n - 1].T;
        for (var i = n - 2; i >= 0; i--)
        {
            if (last - _history[i].T >= spacing)
            {
                last = _history[i].T;
                _history[write--] = _history[i];
                kept++;
            }
        }

        _history.AsSpan(n - kept, kept).CopyTo(_history);
        return kept;
    }

    private sealed class Entry
    {
        public long Generation;
        public int SinceScored;
        public int Quiet;
        public bool Anomalous;
    }
}
