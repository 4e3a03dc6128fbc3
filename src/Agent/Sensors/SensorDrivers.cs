namespace Sensact.Agent.Sensors;

/// <summary>Every sensor driver the agent knows, by name (case-insensitive).</summary>
internal static class SensorDrivers
{
    public static IReadOnlyDictionary<string, ISensorDriver> All { get; } =
        new ISensorDriver[] { new ReplayDriver(), new AlsaDriver(), new V4l2Driver(), new RpicamDriver() }.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
}
