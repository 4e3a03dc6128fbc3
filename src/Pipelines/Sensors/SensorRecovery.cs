namespace Sensact.Pipelines.Sensors;

/// <summary>How a shared sensor that fails is reopened: after <see cref="FirstDelay"/>, doubling up to <see cref="MaxDelay"/>.</summary>
/// <param name="FirstDelay">The pause after the first failure in a row; greater than zero.</param>
/// <param name="MaxDelay">The longest pause; at least <paramref name="FirstDelay"/>.</param>
public sealed record SensorRecovery(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Gets the default: 1 s, doubling up to 30 s.</summary>
    public static SensorRecovery Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}
