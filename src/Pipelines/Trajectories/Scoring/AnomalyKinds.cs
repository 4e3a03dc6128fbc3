namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>The scorer's guesses at what kind of anomaly a track shows.</summary>
public static class AnomalyKinds
{
    /// <summary>Moving against the usual direction of the place.</summary>
    public const string WrongWay = "wrong-way";

    /// <summary>A fast drop of speed to (near) standstill.</summary>
    public const string SuddenStop = "sudden-stop";

    /// <summary>A sideways jump or weave the motion did not predict.</summary>
    public const string Swerve = "swerve";

    /// <summary>Staying long in a small area.</summary>
    public const string Loitering = "loitering";

    /// <summary>Faster than normal traffic.</summary>
    public const string Speeding = "speeding";

    /// <summary>Turning back on its own path.</summary>
    public const string UTurn = "u-turn";

    /// <summary>Gets every kind, in the order of the scorer's components.</summary>
    public static IReadOnlyList<string> All { get; } = [Swerve, SuddenStop, Speeding, Loitering, UTurn, WrongWay];
}
