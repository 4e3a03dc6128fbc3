namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>How tracks are scored and thresholds calibrated (<c>...:Scoring</c> in an application's section).</summary>
/// <remarks>Lengths are in samples of the track (its median time step), so they hold at any rate.</remarks>
public sealed class TrajectoryScoringOptions
{
    /// <summary>Gets or sets the steps the step score is averaged over.</summary>
    public int Horizon { get; set; } = 5;

    /// <summary>Gets or sets the steps over which speed, stops and turns are judged.</summary>
    public int Window { get; set; } = 10;

    /// <summary>Gets or sets the steps over which dwell (time against net displacement) is judged.</summary>
    public int LoiterWindow { get; set; } = 30;

    /// <summary>Gets or sets the share of normal tracks allowed above the threshold (<see cref="CalibrationMode.Normal"/>).</summary>
    public double TargetFalseAlarmRate { get; set; } = 0.01;

    /// <summary>Gets or sets the robust standard deviations above the median for <see cref="CalibrationMode.Unsupervised"/>.</summary>
    public double RobustSigmas { get; set; } = 4;

    /// <summary>Gets or sets the cells per side of the grid that learns the usual direction of motion.</summary>
    public int FlowGridCells { get; set; } = 16;

    /// <summary>Gets or sets the fewest normal tracks a zone needs for a threshold of its own; fewer: the global one.</summary>
    public int MinZoneTracks { get; set; } = 20;

    /// <summary>Gets the zones with their own targets or thresholds; a track belongs to the zone that holds most of its positions.</summary>
    public IList<ScoringZone> Zones { get; } = [];

    /// <summary>Checks the options.</summary>
    /// <param name="section">The configuration section they came from, put in the messages.</param>
    /// <returns>One message per problem, naming the key; empty when the options are valid.</returns>
    public IEnumerable<string> Validate(string section = "Scoring")
    {
        if (Horizon is < 1 or > 1000)
        {
            yield return $"{section}:Horizon must lie between 1 and 1000 (got {Horizon}).";
        }

        if (Window is < 2 or > 1000)
        {
            yield return $"{section}:Window must lie between 2 and 1000 (got {Window}).";
        }

        if (LoiterWindow is < 2 or > 100_000)
        {
            yield return $"{section}:LoiterWindow must lie between 2 and 100000 (got {LoiterWindow}).";
        }

        if (!(TargetFalseAlarmRate > 0 && TargetFalseAlarmRate < 1))
        {
            yield return $"{section}:TargetFalseAlarmRate must lie between 0 and 1, exclusive (got {TargetFalseAlarmRate}).";
        }

        if (!(RobustSigmas > 0) || !double.IsFinite(RobustSigmas))
        {
            yield return $"{section}:RobustSigmas must be a positive number (got {RobustSigmas}).";
        }

        if (FlowGridCells is < 1 or > 1024)
        {
            yield return $"{section}:FlowGridCells must lie between 1 and 1024 (got {FlowGridCells}).";
        }

        if (MinZoneTracks < 1)
        {
            yield return $"{section}:MinZoneTracks must be at least 1 (got {MinZoneTracks}).";
        }

        for (var i = 0; i < Zones.Count; i++)
        {
            var zone = Zones[i];
            var key = $"{section}:Zones:{i}";
            if (string.IsNullOrWhiteSpace(zone.Name))
            {
                yield return $"{key}:Name must not be empty.";
            }

            if (!double.IsFinite(zone.Left) || !double.IsFinite(zone.Right) || !double.IsFinite(zone.Top) || !double.IsFinite(zone.Bottom)
                || !(zone.Right > zone.Left) || !(zone.Bottom > zone.Top))
            {
                yield return $"{key}: Left < Right and Top < Bottom, all finite, are needed (got {zone.Left}, {zone.Top}, {zone.Right}, {zone.Bottom}).";
            }

            if (zone.TargetFalseAlarmRate is { } rate && !(rate > 0 && rate < 1))
            {
                yield return $"{key}:TargetFalseAlarmRate must lie between 0 and 1, exclusive (got {rate}).";
            }

            if (zone.Threshold is { } threshold && !double.IsFinite(threshold))
            {
                yield return $"{key}:Threshold must be a finite number (got {threshold}).";
            }
        }
    }
}
