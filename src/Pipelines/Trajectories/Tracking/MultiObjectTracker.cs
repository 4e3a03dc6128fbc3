using Sensact.Pipelines.Detections;

namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>
/// Follows objects from frame to frame: each frame's detections are matched to the tracks'
/// predicted positions by an optimal gated assignment, each track carries a constant-velocity
/// Kalman state, and tracks go tentative -> confirmed -> lost -> deleted.
/// </summary>
/// <remarks>
/// One caller at a time. All buffers are sized for <see cref="TrackerOptions.MaxTracks"/> when the
/// tracker is made (the detections' buffer grows to the largest frame seen), so an update allocates
/// nothing in steady state. Bad input never reaches a track: detections with NaN or infinite values
/// or outside the frame are dropped, boxes overhanging the frame are cut to it, frames whose time
/// is not after the previous one are dropped, and a detection beyond every track's gate (a teleport)
/// starts a new tentative track instead of dragging an old one; all of it is counted in <see cref="Counters"/>.
/// </remarks>
public sealed class MultiObjectTracker
{
    private readonly TrackerOptions _options;
    private readonly HungarianSolver _solver = new();
    private readonly Slot[] _slots;
    private readonly Track[] _snapshot;
    private readonly TrajectoryPoint[] _history;
    private readonly int _historyLength;
    private readonly int[] _trackToDetection;
    private double[] _cost = [];
    private readonly DetectionFilter _filter;
    private bool[] _detectionUsed = [];
    private int _count;
    private long _nextId = 1;
    private TimeSpan? _lastTime;
    private long _frames, _outOfOrder, _overCapacity, _births, _deaths;

    /// <summary>Makes a tracker.</summary>
    /// <param name="options">How to track; checked here.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message names each problem.</exception>
    public MultiObjectTracker(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid tracker options: {string.Join(" ", problems)}", nameof(options));
        }

        _options = options;
        _filter = new DetectionFilter(options);
        _slots = new Slot[options.MaxTracks];
        _snapshot = new Track[options.MaxTracks];
        _trackToDetection = new int[options.MaxTracks];
        _historyLength = options.HistoryLength;
        _history = new TrajectoryPoint[options.MaxTracks * options.HistoryLength];
    }

    /// <summary>Gets the tracks alive after the latest frame, in no particular order.</summary>
    public ReadOnlySpan<Track> Tracks => _snapshot.AsSpan(0, _count);

    /// <summary>Gets what was dropped or repaired so far.</summary>
    public TrackerCounters Counters => new(_frames, _outOfOrder, _filter.NonFinite, _filter.LowScore, _filter.Outside, _filter.Clamped, _overCapacity, _births, _deaths);

    /// <summary>Takes one frame's detections.</summary>
    /// <param name="time">The frame's originating time; a time not after the previous frame's drops the frame.</param>
    /// <param name="detections">The frame's detections; read during the call only.</param>
    /// <returns>The tracks alive after the frame (the same as <see cref="Tracks"/>); valid until the next call.</returns>
    public ReadOnlySpan<Track> Update(TimeSpan time, ReadOnlySpan<Detection> detections)
    {
        _frames++;
        if (_lastTime is { } last && time <= last)
        {
            _outOfOrder++;
            return Tracks;
        }

        var dt = _lastTime is { } previous ? (time - previous).TotalSeconds : 0;
        _lastTime = time;
        var valid = _filter.Filter(detections);
        if (_detectionUsed.Length < valid)
        {
            _detectionUsed = new bool[_filter.Valid.Length];
        }

        for (var t = 0; t < _count; t++)
        {
            _slots[t].Kalman.Predict(dt, _options.ProcessNoise);
        }

        Associate(valid);
        var used = _detectionUsed.AsSpan(0, valid);
        used.Clear();
        for (var t = 0; t < _count; t++)
        {
            var d = _trackToDetection[t];
            ref var slot = ref _slots[t];
            if (d >= 0)
            {
                used[d] = true;
                Correct(ref slot, t, _filter.Valid[d], time);
                slot.DetectionIndex = _filter.InputIndex[d];
            }
            else
            {
                slot.Misses++;
                slot.DetectionIndex = -1;
                slot.State = slot.State == TrackState.Tentative ? TrackState.Tentative : TrackState.Lost;
            }
        }

        RemoveDead();
        for (var d = 0; d < valid; d++)
        {
            if (!used[d])
            {
                Start(_filter.Valid[d], _filter.InputIndex[d], time);
            }
        }

        for (var t = 0; t < _count; t++)
        {
            ref readonly var s = ref _slots[t];
            _snapshot[t] = new Track(s.Id, s.State, s.Kalman.X, s.Kalman.Y, s.Kalman.Vx, s.Kalman.Vy, s.Width, s.Height, s.Kalman.P00, s.Hits, s.Misses, s.LastSeen, s.DetectionIndex);
        }

        return Tracks;
    }

    /// <summary>Copies a track's latest matched positions, oldest first.</summary>
    /// <param name="id">The track's id.</param>
    /// <param name="destination">Where the positions go; the latest ones that fit.</param>
    /// <returns>How many positions were copied; 0 when no live track has the id.</returns>
    public int CopyHistory(long id, Span<TrajectoryPoint> destination)
    {
        for (var t = 0; t < _count; t++)
        {
            if (_slots[t].Id != id)
            {
                continue;
            }

            var stored = Math.Min(_slots[t].Hits, _historyLength);
            var n = Math.Min(stored, destination.Length);
            var head = _slots[t].HistoryHead; // where the next point goes
            for (var k = 0; k < n; k++)
            {
                var age = n - k; // 1 = newest
                var index = ((head - age) % _historyLength + _historyLength) % _historyLength;
                destination[k] = _history[(t * _historyLength) + index];
            }

            return n;
        }

        return 0;
    }

    private void Associate(int valid)
    {
        var tracks = _count;
        if (_cost.Length < tracks * valid)
        {
            _cost = new double[Math.Max(tracks * valid, _cost.Length * 2)];
        }

        var r = _options.MeasurementNoise;
        for (var t = 0; t < tracks; t++)
        {
            ref readonly var s = ref _slots[t];
            var row = _cost.AsSpan(t * valid, valid);
            for (var d = 0; d < valid; d++)
            {
                var det = _filter.Valid[d];
                var boxes = s.Width > 0 && s.Height > 0 && det.Width > 0 && det.Height > 0;
                row[d] = _options.Cost switch
                {
                    TrackCost.Iou or TrackCost.Auto when boxes => (1 - Iou(s, det)) / (1 - _options.MinIou),
                    TrackCost.Iou => double.PositiveInfinity,
                    TrackCost.Euclidean => Math.Sqrt(Square(det.CenterX - s.Kalman.X) + Square(det.CenterY - s.Kalman.Y)) / _options.MaxDistance,
                    _ => s.Kalman.Mahalanobis2(det.CenterX, det.CenterY, r) / _options.Gate,
                };
            }
        }

        _solver.Solve(_cost.AsSpan(0, tracks * valid), tracks, valid, 1.0, _trackToDetection.AsSpan(0, tracks));
    }

    private static double Square(double x) => x * x;

    private static double Iou(in Slot s, Detection d)
    {
        var left = Math.Max(s.Kalman.X - (s.Width / 2), d.Left);
        var top = Math.Max(s.Kalman.Y - (s.Height / 2), d.Top);
        var right = Math.Min(s.Kalman.X + (s.Width / 2), d.Left + d.Width);
        var bottom = Math.Min(s.Kalman.Y + (s.Height / 2), d.Top + d.Height);
        var inter = Math.Max(0, right - left) * Math.Max(0, bottom - top);
        var union = (s.Width * s.Height) + ((double)d.Width * d.Height) - inter;
        return union > 0 ? inter / union : 0;
    }

    private void Correct(ref Slot slot, int index, Detection d, TimeSpan time)
    {
        slot.Kalman.Update(d.CenterX, d.CenterY, _options.MeasurementNoise);
        slot.Width = slot.Hits == 0 ? d.Width : (0.5 * slot.Width) + (0.5 * d.Width);
        slot.Height = slot.Hits == 0 ? d.Height : (0.5 * slot.Height) + (0.5 * d.Height);
        slot.Hits++;
        slot.Misses = 0;
        slot.LastSeen = time;
        slot.State = slot.State == TrackState.Tentative && slot.Hits < _options.ConfirmHits ? TrackState.Tentative : TrackState.Confirmed;
        Record(ref slot, index, time, d);
    }

    private void Record(ref Slot slot, int index, TimeSpan time, Detection d)
    {
        _history[(index * _historyLength) + slot.HistoryHead] = new TrajectoryPoint(time.TotalSeconds, d.CenterX, d.CenterY);
        slot.HistoryHead = (slot.HistoryHead + 1) % _historyLength;
    }

    private void Start(Detection d, int inputIndex, TimeSpan time)
    {
        if (_count == _slots.Length)
        {
            _overCapacity++;
            return;
        }

        ref var slot = ref _slots[_count];
        slot = default;
        slot.Id = _nextId++;
        slot.Kalman.Start(d.CenterX, d.CenterY, _options.MeasurementNoise, _options.InitialVelocityVariance);
        slot.Width = d.Width;
        slot.Height = d.Height;
        slot.Hits = 1;
        slot.LastSeen = time;
        slot.DetectionIndex = inputIndex;
        slot.State = _options.ConfirmHits <= 1 ? TrackState.Confirmed : TrackState.Tentative;
        Record(ref slot, _count, time, d);
        _count++;
        _births++;
    }

    private void RemoveDead()
    {
        var t = 0;
        while (t < _count)
        {
            ref readonly var s = ref _slots[t];
            var dead = (s.State == TrackState.Tentative && s.Misses > 0) || s.Misses > _options.MaxMisses;
            if (!dead)
            {
                t++;
                continue;
            }

            _count--;
            _deaths++;
            if (t != _count)
            {
                _slots[t] = _slots[_count];
                _trackToDetection[t] = _trackToDetection[_count];
                _history.AsSpan(_count * _historyLength, _historyLength).CopyTo(_history.AsSpan(t * _historyLength, _historyLength));
            }
        }
    }

    private struct Slot
    {
        public long Id;
        public ConstantVelocityKalman Kalman;
        public double Width;
        public double Height;
        public int Hits;
        public int Misses;
        public int HistoryHead;
        public int DetectionIndex;
        public TrackState State;
        public TimeSpan LastSeen;
    }
}
