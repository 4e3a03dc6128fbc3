using Sensact.Pipelines.Trajectories.Prediction;

namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>
/// Scores tracks (whole, or a live track's latest stretch) for anomalies against normal traffic.
/// Components, in units where normal traffic's step at that place is 1 (so any rate, any units, and a
/// walkway beside a road work): the step score (squared Mahalanobis distance of each position from the
/// predictor's guess over what is usual at the place, averaged over <see cref="TrajectoryScoringOptions.Horizon"/>
/// steps, the worst stretch), a sudden stop (speed drop), speeding, loitering (path length against net
/// displacement), a U-turn (how far the heading turns) and wrong way (steps against the usual direction
/// of the place). Each is scored in decades of rarity against normal stretches as long as the track
/// (<see cref="LengthNorms"/>); the score is the largest, and the kind the component behind it.
/// </summary>
/// <remarks>One caller at a time; <see cref="TryScore(ReadOnlySpan{TrajectoryPoint}, out TrajectoryAnomaly)"/> allocates nothing once its buffers have grown.</remarks>
public sealed class TrajectoryScorer
{
    // The specific shapes first: a U-turn also looks tortuous and wrong-way, a stop tortuous, wandering wrong-way.
    private static readonly int[] Priority = [4, 1, 3, 2, 5];

    // A shape component above this score explains a large step score better than "swerve" does.
    private const double ShapeEvidence = 3;

    // A U-turn is named only when the heading turned at least this many half turns (a swerve's zigzag turns sharply too, but less).
    private const double UTurnHalfTurns = 0.6;
    private const int UTurnComponent = 4;

    private readonly TrajectoryScoringOptions _options;
    private readonly TrackShapeExtractor _extractor;
    private readonly FlowField _flow;
    private LengthNorms _norms = null!;
    private readonly double[] _zoneThresholds;

    private TrajectoryScorer(TrajectoryScoringOptions options, ITrajectoryPredictor predictor, FlowField flow, double typicalSpeed)
    {
        _options = options;
        _extractor = new TrackShapeExtractor(options, predictor);
        _flow = flow;
        TypicalSpeed = typicalSpeed;
        _zoneThresholds = new double[options.Zones.Count];
    }

    /// <summary>Gets the normal tracks' typical speed, in the tracks' units per second (the median of their median speeds).</summary>
    public double TypicalSpeed { get; }

    /// <summary>Gets the threshold for tracks outside every zone.</summary>
    public double Threshold { get; private set; }

    /// <summary>Gets how many calibration tracks could not be measured (fewer than 2 usable positions).</summary>
    public int SkippedTracks { get; private set; }

    /// <summary>Gets the threshold of each zone, in the order of <see cref="TrajectoryScoringOptions.Zones"/>.</summary>
    public IReadOnlyList<double> ZoneThresholds => _zoneThresholds;

    /// <summary>The default predictor for scoring: constant velocity, in scaled units (a typical step is 1).</summary>
    /// <returns>A predictor with process noise 0.05 and measurement noise 0.01 per step².</returns>
    public static ITrajectoryPredictor DefaultPredictor() => new KalmanTrajectoryPredictor(processNoise: 0.05, measurementNoise: 0.01, historyLength: 8);

    /// <summary>Learns normal traffic and sets the thresholds.</summary>
    /// <param name="tracks">The tracks to learn from, each oldest first: all normal (<see cref="CalibrationMode.Normal"/>) or mostly normal (<see cref="CalibrationMode.Unsupervised"/>).</param>
    /// <param name="options">How to score; checked here.</param>
    /// <param name="mode">How to set the thresholds.</param>
    /// <param name="predictor">The predictor of the step score, working in scaled units (a typical step is 1); by default <see cref="DefaultPredictor"/>.</param>
    /// <returns>A scorer.</returns>
    /// <exception cref="ArgumentException">The options are not valid, or fewer than 2 tracks could be measured.</exception>
    public static TrajectoryScorer Calibrate(IReadOnlyList<TrajectoryPoint[]> tracks, TrajectoryScoringOptions options, CalibrationMode mode = CalibrationMode.Normal, ITrajectoryPredictor? predictor = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid scoring options: {string.Join(" ", problems)}", nameof(options));
        }

        predictor ??= DefaultPredictor();
        var probe = new TrackShapeExtractor(options, predictor);
        var speeds = new List<double>();
        foreach (var track in tracks)
        {
            if (probe.TryRate(track, out _, out var speed) && speed > 0)
            {
                speeds.Add(speed);
            }
        }

        if (speeds.Count < 2)
        {
            throw new ArgumentException($"At least 2 tracks with 2 or more usable positions and some motion are needed to calibrate; {speeds.Count} found among {tracks.Count}.", nameof(tracks));
        }

        var scorer = new TrajectoryScorer(options, predictor, new FlowField(tracks, options.FlowGridCells), Medians.Of(speeds.ToArray()));
        foreach (var track in tracks)
        {
            scorer._extractor.AddResiduals(track, scorer.TypicalSpeed, scorer._flow);
        }

        scorer._norms = LengthNorms.Learn(tracks, (ReadOnlySpan<TrajectoryPoint> stretch, out TrackShape shape) => scorer._extractor.TryMeasure(stretch, scorer.TypicalSpeed, scorer._flow, out shape));
        var shapes = new List<TrackShape>(tracks.Count);
        foreach (var track in tracks)
        {
            if (scorer._extractor.TryMeasure(track, scorer.TypicalSpeed, scorer._flow, out var shape))
            {
                shapes.Add(shape);
            }
        }

        scorer.SkippedTracks = tracks.Count - shapes.Count;
        var scores = shapes.Select(s => scorer.CombineShape(s)).ToArray();
        scorer.Threshold = ThresholdOf(scores, options.TargetFalseAlarmRate, mode, options.RobustSigmas);
        for (var z = 0; z < options.Zones.Count; z++)
        {
            var zone = options.Zones[z];
            var inZone = shapes.Select((s, i) => (s.Zone, Score: scores[i])).Where(p => p.Zone == z).Select(p => p.Score).ToArray();
            var rate = zone.TargetFalseAlarmRate ?? options.TargetFalseAlarmRate;
            scorer._zoneThresholds[z] = zone.Threshold
                ?? (inZone.Length >= options.MinZoneTracks ? ThresholdOf(inZone, rate, mode, options.RobustSigmas) : ThresholdOf(scores, rate, mode, options.RobustSigmas));
        }

        return scorer;
    }

    /// <summary>Scores one track.</summary>
    /// <param name="track">The track's positions, oldest first; NaN or infinite positions and times that do not increase are skipped.</param>
    /// <param name="anomaly">The score, the kind guessed and the verdict.</param>
    /// <returns>False when the track has fewer than 2 usable positions.</returns>
    public bool TryScore(ReadOnlySpan<TrajectoryPoint> track, out TrajectoryAnomaly anomaly) => TryScore(track, [], out anomaly);

    /// <summary>Scores one track with each component's score lowered by its offset (live scoring, <see cref="Watching.LiveThresholds"/>).</summary>
    /// <param name="track">The track's positions, oldest first.</param>
    /// <param name="offsets">What is taken off each component's score, in the order of <see cref="AnomalyKinds.All"/>; empty: nothing.</param>
    /// <param name="anomaly">The score (the largest lowered component), the kind and the verdict.</param>
    /// <returns>False when the track has fewer than 2 usable positions.</returns>
    internal bool TryScore(ReadOnlySpan<TrajectoryPoint> track, ReadOnlySpan<double> offsets, out TrajectoryAnomaly anomaly)
    {
        Span<double> z = stackalloc double[TrackShape.Count];
        if (!TryScoreComponents(track, z, out var zone, out var turned))
        {
            anomaly = default;
            return false;
        }

        for (var c = 0; c < offsets.Length; c++)
        {
            z[c] -= offsets[c];
        }

        var score = Combine(z, turned, out var kind);
        var threshold = zone >= 0 ? _zoneThresholds[zone] : Threshold;
        anomaly = new TrajectoryAnomaly(score, kind, score > threshold, threshold, zone >= 0 ? _options.Zones[zone].Name : null);
        return true;
    }

    /// <summary>Scores each component of one track (decades of rarity, <see cref="LengthNorms.Score"/>).</summary>
    /// <param name="track">The track's positions, oldest first.</param>
    /// <param name="scores">Where the components' scores go, <see cref="AnomalyKinds.All"/> long.</param>
    /// <param name="zone">The track's zone, or -1.</param>
    /// <returns>False when the track has fewer than 2 usable positions.</returns>
    internal bool TryScoreComponents(ReadOnlySpan<TrajectoryPoint> track, Span<double> scores, out int zone) => TryScoreComponents(track, scores, out zone, out _);

    private bool TryScoreComponents(ReadOnlySpan<TrajectoryPoint> track, Span<double> scores, out int zone, out double turned)
    {
        if (!_extractor.TryMeasure(track, TypicalSpeed, _flow, out var shape))
        {
            zone = -1;
            turned = 0;
            return false;
        }

        turned = shape.UTurn;
        for (var c = 0; c < TrackShape.Count; c++)
        {
            scores[c] = _norms.Score(shape.Points, c, shape[c]);
        }

        zone = shape.Zone;
        return true;
    }

    private double CombineShape(in TrackShape shape)
    {
        Span<double> z = stackalloc double[TrackShape.Count];
        for (var c = 0; c < TrackShape.Count; c++)
        {
            z[c] = _norms.Score(shape.Points, c, shape[c]);
        }

        return Combine(z, shape.UTurn, out _);
    }

    /// <summary>Gets the threshold of a zone (-1: outside every zone).</summary>
    internal double ThresholdOf(int zone) => zone >= 0 ? _zoneThresholds[zone] : Threshold;

    private static double Combine(ReadOnlySpan<double> z, double turned, out string kind)
    {
        var score = double.NegativeInfinity;
        var best = 0;
        for (var c = 0; c < TrackShape.Count; c++)
        {
            if (z[c] > score)
            {
                score = z[c];
                best = c;
            }
        }

        // The first shape in priority order with clear evidence names the kind; with none, the largest component does.
        var evidence = Math.Max(ShapeEvidence, 0.25 * score);
        kind = AnomalyKinds.All[best];
        foreach (var c in Priority)
        {
            if (z[c] >= evidence && (c != UTurnComponent || turned >= UTurnHalfTurns))
            {
                kind = AnomalyKinds.All[c];
                break;
            }
        }

        return score;
    }

    private static double Mad(double[] values, double median)
    {
        var deviations = values.Select(v => Math.Abs(v - median)).ToArray();
        return Medians.Of(deviations);
    }

    private static double ThresholdOf(double[] scores, double rate, CalibrationMode mode, double sigmas)
    {
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        if (mode == CalibrationMode.Unsupervised)
        {
            var median = Medians.Of(sorted.ToArray());
            return median + (sigmas * 1.4826 * Math.Max(Mad(sorted, median), 0.1));
        }

        var position = (1 - rate) * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
