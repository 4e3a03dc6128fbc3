namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>The raw component values of one track, in the order of <see cref="AnomalyKinds.All"/>.</summary>
internal struct TrackShape
{
    public const int Count = 6;

    public double Swerve;
    public double SuddenStop;
    public double Speeding;
    public double Loitering;
    public double UTurn;
    public double WrongWay;

    /// <summary>Gets the usable positions measured.</summary>
    public int Points;

    /// <summary>Gets the zone holding most of the track's positions, or -1.</summary>
    public int Zone;

    public readonly double this[int component] => component switch
    {
        0 => Swerve,
        1 => SuddenStop,
        2 => Speeding,
        3 => Loitering,
        4 => UTurn,
        _ => WrongWay,
    };
}
