using Sensact.Simulators.Trajectories;

namespace Sensact.Evaluation.TrajectoryWatch;

/// <summary>What one seeded scene gave one predictor: per ground-truth track its best score and first alarm, the false alarms, the tracker's errors.</summary>
internal sealed class SceneOutcome
{
    /// <summary>Gets the ground-truth tracks evaluated (entered and left within the scene).</summary>
    public List<TrajectoryTruth> Truths { get; } = [];

    /// <summary>Gets each ground-truth track's highest score (-infinity when its tracks were never scored).</summary>
    public Dictionary<long, double> BestScore { get; } = [];

    /// <summary>Gets, per anomalous ground-truth track, the delay from onset to its first alarm, milliseconds.</summary>
    public Dictionary<long, double> Delay { get; } = [];

    /// <summary>Gets the alarms on normal tracks, before an anomaly's onset, or on tracks of no object.</summary>
    public int FalseAlarms { get; set; }

    /// <summary>Gets the alarms raised in all.</summary>
    public int Alarms { get; set; }

    /// <summary>Gets the scene time covered, seconds.</summary>
    public double Seconds { get; set; }

    /// <summary>Gets the ground-truth objects summed over frames.</summary>
    public long GroundTruth { get; set; }

    /// <summary>Gets the objects present but not tracked, summed over frames.</summary>
    public long Misses { get; set; }

    /// <summary>Gets the reported tracks of no object, summed over frames.</summary>
    public long FalsePositives { get; set; }

    /// <summary>Gets the identity switches.</summary>
    public long IdSwitches { get; set; }

    /// <summary>Gets the track updates.</summary>
    public long TrackUpdates { get; set; }
}
