namespace Sensact.Pipelines.Trajectories.Watching;

/// <summary>How live tracks are scored (<c>...:Watch</c> in an application's section).</summary>
public sealed class TrackWatchOptions
{
    /// <summary>Gets or sets the matched positions a confirmed track needs before it is scored.</summary>
    public int MinPoints { get; set; } = 8;

    /// <summary>Gets or sets how often a track is scored: every this many of its matched positions.</summary>
    public int ScoreEvery { get; set; } = 1;

    /// <summary>Gets or sets the scores in a row at or below the threshold that end a track's anomalous episode (a new one may start after).</summary>
    public int QuietScores { get; set; } = 20;

    /// <summary>
    /// Gets or sets whether the thresholds are raised for live scoring by what normal tracks reach when
    /// scored as they grow (<see cref="LiveThresholds.Calibrate"/>); false: the scorer's thresholds as they are.
    /// </summary>
    public bool CalibrateLive { get; set; } = true;

    /// <summary>
    /// Gets or sets the rate the scored history is thinned to, positions per second (the rate of the
    /// normal traffic the scorer was calibrated on): a track followed faster, such as while the camera
    /// runs at its alert rate, is scored on positions at least 1 / rate apart, so that detector jitter
    /// weighs as it did in calibration. Null: every matched position.
    /// </summary>
    public double? ScoreRateHz { get; set; }

    /// <summary>Checks the options.</summary>
    /// <param name="section">The configuration section they came from, put in the messages.</param>
    /// <returns>One message per problem, naming the key.</returns>
    public IEnumerable<string> Validate(string section = "Watch")
    {
        if (MinPoints is < 3 or > 100_000)
        {
            yield return $"{section}:MinPoints must lie between 3 and 100000 (got {MinPoints}).";
        }

        if (ScoreEvery is < 1 or > 1000)
        {
            yield return $"{section}:ScoreEvery must lie between 1 and 1000 (got {ScoreEvery}).";
        }

        if (ScoreRateHz is { } rate && !(rate is >= 0.1 and <= 1000))
        {
            yield return $"{section}:ScoreRateHz must lie between 0.1 and 1000, or be left out (got {rate}).";
        }

        if (QuietScores is < 1 or > 100_000)
        {
            yield return $"{section}:QuietScores must lie between 1 and 100000 (got {QuietScores}).";
        }
    }
}
