using Sensact.Devices.Imu.I2c;

namespace Sensact.Agent.Sensors;

/// <summary>Every sensor driver the agent knows, by name (case-insensitive).</summary>
internal static class SensorDrivers
{
    public static IReadOnlyDictionary<string, ISensorDriver> All { get; } =
        new ISensorDriver[]
        {
            new ReplayDriver(),
            new SimulatedDriver(),
            new AlsaDriver(),
            new V4l2Driver(),
            new RpicamDriver(),
            new I2cImuDriver("mpu6050", I2cImuChip.Mpu6050),
            new I2cImuDriver("lsm9ds1", I2cImuChip.Lsm9Ds1),
            new I2cImuDriver("bno055", I2cImuChip.Bno055),
        }.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
}
