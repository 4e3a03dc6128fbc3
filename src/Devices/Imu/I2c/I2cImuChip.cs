namespace Sensact.Devices.Imu.I2c;

/// <summary>The IMU chips read over I2C, one driver each.</summary>
public enum I2cImuChip
{
    /// <summary>InvenSense MPU-6050, MPU-6500 or MPU-9250 (driver <c>mpu6050</c>; told apart by WHO_AM_I).</summary>
    Mpu6050,

    /// <summary>STMicroelectronics LSM9DS1, its accelerometer and gyroscope (driver <c>lsm9ds1</c>).</summary>
    Lsm9Ds1,

    /// <summary>Bosch BNO055, in its accelerometer + gyroscope mode without fusion (driver <c>bno055</c>).</summary>
    Bno055,
}
