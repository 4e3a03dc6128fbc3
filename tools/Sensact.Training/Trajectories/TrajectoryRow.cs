namespace Sensact.Training.Trajectories;

/// <summary>One training row: a scaled history and the scaled next displacement.</summary>
internal sealed class TrajectoryRow
{
    /// <summary>The scaled history (see <see cref="TrajectoryHistory"/>).</summary>
    public float[] History { get; set; } = [];

    /// <summary>The next displacement's x, scaled.</summary>
    public float Dx { get; set; }

    /// <summary>The next displacement's y, scaled.</summary>
    public float Dy { get; set; }
}
