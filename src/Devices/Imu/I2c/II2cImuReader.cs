namespace Sensact.Devices.Imu.I2c;

/// <summary>An opened, configured IMU chip that reads one sample at a time.</summary>
internal interface II2cImuReader : IDisposable
{
    /// <summary>Reads the latest sample, in SI units.</summary>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    ImuSample Read();
}
