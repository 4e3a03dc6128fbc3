namespace Sensact.Simulators.Trajectories;

/// <summary>What a simulated track does: move normally along its lane, or one of the injected anomalies.</summary>
/// <remarks>Labels in text (CSV, events): <see cref="TrajectoryTruth.Label"/>.</remarks>
public enum TrajectoryAnomalyKind
{
    /// <summary>Normal motion: along the lane, in its direction, at the lane's speeds.</summary>
    None,

    /// <summary><c>wrong-way</c>: the whole track runs the lane against its direction (onset at entry).</summary>
    WrongWay,

    /// <summary><c>sudden-stop</c>: hard braking to standstill, a hold of 6-12 s, then on again.</summary>
    SuddenStop,

    /// <summary><c>swerve</c>: a sharp lateral excursion out of the lane and back within 1.2-2 s.</summary>
    Swerve,

    /// <summary><c>loitering</c>: brakes to a halt within 1 s, wanders on a small loop (1-1.5 m each way) for 20-30 s, then goes on.</summary>
    Loitering,

    /// <summary><c>speeding</c>: accelerates within 1.5 s to about twice the lane's speeds, above every normal track's.</summary>
    Speeding,

    /// <summary><c>u-turn</c>: turns round on a half circle and goes back the way it came, out where it entered.</summary>
    UTurn,
}
