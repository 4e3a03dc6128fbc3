namespace Sensact.Devices.Sensors;

/// <summary>
/// What every configured sensor has, <c>Sensors:{name}:Driver</c>; each driver's options derive
/// from this class and add their own keys.
/// </summary>
public class SensorOptions
{
    /// <summary>Gets or sets the driver that opens the sensor (for example <c>replay</c>).</summary>
    public string Driver { get; set; } = string.Empty;
}
