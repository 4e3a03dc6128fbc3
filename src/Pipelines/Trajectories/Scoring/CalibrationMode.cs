namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>How the scorer sets its threshold from the tracks it is calibrated on.</summary>
public enum CalibrationMode
{
    /// <summary>The tracks are all normal: the threshold is their score's (1 - target false-alarm rate) quantile.</summary>
    Normal,

    /// <summary>
    /// The tracks are mostly normal but may hold anomalies: the threshold is the median score plus
    /// <see cref="TrajectoryScoringOptions.RobustSigmas"/> robust standard deviations (1.4826 MAD), which the anomalies barely move.
    /// </summary>
    Unsupervised,
}
