namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>A rectangle of the scene with its own false-alarm target or threshold (<c>...:Scoring:Zones:N</c>).</summary>
public sealed class ScoringZone
{
    /// <summary>Gets or sets the zone's name, reported with its tracks' scores.</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the left edge, in the tracks' units.</summary>
    public double Left { get; set; }

    /// <summary>Gets or sets the top edge (the smaller y).</summary>
    public double Top { get; set; }

    /// <summary>Gets or sets the right edge.</summary>
    public double Right { get; set; }

    /// <summary>Gets or sets the bottom edge (the larger y).</summary>
    public double Bottom { get; set; }

    /// <summary>Gets or sets the zone's target false-alarm rate; null: the scorer's.</summary>
    public double? TargetFalseAlarmRate { get; set; }

    /// <summary>Gets or sets a fixed threshold on the score; null: calibrated.</summary>
    public double? Threshold { get; set; }

    /// <summary>Gets whether a position lies in the zone (edges included).</summary>
    /// <param name="x">The horizontal coordinate.</param>
    /// <param name="y">The vertical coordinate.</param>
    /// <returns>True inside.</returns>
    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
}
