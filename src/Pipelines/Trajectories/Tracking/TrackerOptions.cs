namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>How the multi-object tracker associates and keeps tracks (<c>...:Tracker</c> in an application's section).</summary>
public sealed class TrackerOptions
{
    /// <summary>Gets or sets how pairs are priced.</summary>
    public TrackCost Cost { get; set; } = TrackCost.Auto;

    /// <summary>Gets or sets the measurement noise: the variance of a detection's centre per axis, units² (default 1e-4: 1% of a frame).</summary>
    public double MeasurementNoise { get; set; } = 1e-4;

    /// <summary>Gets or sets the process noise: the spectral density of white acceleration, units²/s³.</summary>
    public double ProcessNoise { get; set; } = 0.05;

    /// <summary>Gets or sets the velocity's variance when a track starts, (units/s)².</summary>
    public double InitialVelocityVariance { get; set; } = 1;

    /// <summary>Gets or sets the gate on the squared Mahalanobis distance (default 13.8: chi-square, 2 degrees of freedom, p = 0.001).</summary>
    public double Gate { get; set; } = 13.8;

    /// <summary>Gets or sets the least IoU a box pair needs to be matched.</summary>
    public double MinIou { get; set; } = 0.1;

    /// <summary>Gets or sets the largest centre distance for <see cref="TrackCost.Euclidean"/>, units.</summary>
    public double MaxDistance { get; set; } = 0.1;

    /// <summary>Gets or sets the matches a tentative track needs to be confirmed.</summary>
    public int ConfirmHits { get; set; } = 3;

    /// <summary>Gets or sets the frames in a row a confirmed track may be missed before it is deleted.</summary>
    public int MaxMisses { get; set; } = 15;

    /// <summary>Gets or sets the most tracks alive at once; detections beyond it start none (counted).</summary>
    public int MaxTracks { get; set; } = 512;

    /// <summary>Gets or sets the positions kept per track for predictors.</summary>
    public int HistoryLength { get; set; } = 16;

    /// <summary>Gets or sets the least detector score a detection needs.</summary>
    public double MinScore { get; set; }

    /// <summary>Gets or sets the frame's width; with <see cref="FrameHeight"/>, detections are checked against [0, width] x [0, height]. Null: not checked.</summary>
    public double? FrameWidth { get; set; }

    /// <summary>Gets or sets the frame's height; see <see cref="FrameWidth"/>.</summary>
    public double? FrameHeight { get; set; }

    /// <summary>Checks the options.</summary>
    /// <param name="section">The configuration section they came from, put in the messages.</param>
    /// <returns>One message per problem, naming the key; empty when the options are valid.</returns>
    public IEnumerable<string> Validate(string section = "Tracker")
    {
        if (!(MeasurementNoise > 0) || !double.IsFinite(MeasurementNoise))
        {
            yield return $"{section}:MeasurementNoise must be a positive number (got {MeasurementNoise}).";
        }

        if (!(ProcessNoise > 0) || !double.IsFinite(ProcessNoise))
        {
            yield return $"{section}:ProcessNoise must be a positive number (got {ProcessNoise}).";
        }

        if (!(InitialVelocityVariance > 0) || !double.IsFinite(InitialVelocityVariance))
        {
            yield return $"{section}:InitialVelocityVariance must be a positive number (got {InitialVelocityVariance}).";
        }

        if (!(Gate > 0) || !double.IsFinite(Gate))
        {
            yield return $"{section}:Gate must be a positive number (got {Gate}).";
        }

        if (!(MinIou > 0 && MinIou < 1))
        {
            yield return $"{section}:MinIou must lie between 0 and 1, exclusive (got {MinIou}).";
        }

        if (!(MaxDistance > 0) || !double.IsFinite(MaxDistance))
        {
            yield return $"{section}:MaxDistance must be a positive number (got {MaxDistance}).";
        }

        if (ConfirmHits < 1)
        {
            yield return $"{section}:ConfirmHits must be at least 1 (got {ConfirmHits}).";
        }

        if (MaxMisses < 0)
        {
            yield return $"{section}:MaxMisses must not be negative (got {MaxMisses}).";
        }

        if (MaxTracks is < 1 or > 100_000)
        {
            yield return $"{section}:MaxTracks must lie between 1 and 100000 (got {MaxTracks}).";
        }

        if (HistoryLength is < 2 or > 1024)
        {
            yield return $"{section}:HistoryLength must lie between 2 and 1024 (got {HistoryLength}).";
        }

        if (!double.IsFinite(MinScore) || MinScore is < 0 or > 1)
        {
            yield return $"{section}:MinScore must lie in [0, 1] (got {MinScore}).";
        }

        if (FrameWidth.HasValue != FrameHeight.HasValue)
        {
            yield return $"{section}:FrameWidth and {section}:FrameHeight must be set together.";
        }
        else if (FrameWidth is { } w && FrameHeight is { } h && (!(w > 0) || !(h > 0) || !double.IsFinite(w) || !double.IsFinite(h)))
        {
            yield return $"{section}:FrameWidth and {section}:FrameHeight must be positive numbers (got {w} x {h}).";
        }
    }
}
