using System.Device.I2c;

namespace Sensact.Devices.Tests.Imu.I2c;

/// <summary>Register maps of the three chips, with their identities and power-on values.</summary>
internal static class EmulatedChips
{
    /// <summary>An MPU-6050 (WHO_AM_I 0x68), MPU-6500 (0x70) or MPU-9250 (0x71): big-endian data from 0x3B.</summary>
    public static EmulatedI2cDevice Mpu(I2cConnectionSettings settings, byte whoAmI = 0x68)
    {
        var device = new MpuMap(settings);
        device[0x75] = whoAmI;
        device[0x6B] = 0x40; // PWR_MGMT_1 after power-on: asleep.

        // An MPU-9250's AK8963, read through the I2C master into EXT_SENS_DATA_00: WIA = 0x48.
        device[0x49] = 0x48;
        return device;
    }

    /// <summary>An LSM9DS1's accelerometer and gyroscope: WHO_AM_I 0x68 at 0x0F, little-endian data at 0x18 (gyro) and 0x28 (accel).</summary>
    public static EmulatedI2cDevice Lsm9Ds1(I2cConnectionSettings settings)
    {
        var device = new LsmMap(settings);
        device[0x0F] = 0x68;
        return device;
    }

    /// <summary>A BNO055: CHIP_ID 0xA0, two register pages switched by PAGE_ID (0x07), little-endian data.</summary>
    public static EmulatedI2cDevice Bno055(I2cConnectionSettings settings)
    {
        var device = new BnoMap(settings);
        device[0, 0x00] = 0xA0;
        device[1, 0x08] = 0x0D; // ACC_Config reset value: 4 g, 62.5 Hz.
        device[1, 0x0A] = 0x38; // GYR_Config_0 reset value: 2000 dps, 32 Hz.
        return device;
    }

    private sealed class MpuMap(I2cConnectionSettings settings) : EmulatedI2cDevice(settings)
    {
        protected override void OnWritten(byte register, byte value)
        {
            // DEVICE_RESET clears itself once the reset is done.
            if (register == 0x6B && (value & 0x80) != 0)
            {
                this[0x6B] = 0x40;
            }
        }
    }

    private sealed class LsmMap(I2cConnectionSettings settings) : EmulatedI2cDevice(settings)
    {
        // The sub-address's top bit does not select a register.
        protected override int MapRegister(byte subAddress) => subAddress & 0x7F;
    }

    private sealed class BnoMap(I2cConnectionSettings settings) : EmulatedI2cDevice(settings, pages: 2)
    {
        protected override int Page => this[0, 0x07] == 1 ? 1 : 0;

        protected override void OnWritten(byte register, byte value)
        {
            // PAGE_ID reads the same on both pages.
            if (register == 0x07)
            {
                this[0, 0x07] = value;
                this[1, 0x07] = value;
            }
        }
    }
}
