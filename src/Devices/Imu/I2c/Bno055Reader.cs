using System.Device.I2c;
using Iot.Device.Bno055;

namespace Sensact.Devices.Imu.I2c;

/// <summary>
/// A Bosch BNO055 through Iot.Device.Bindings (<see cref="Bno055Sensor"/>), in its accelerometer +
/// gyroscope mode (AMG, no fusion) with SI output units.
/// </summary>
/// <remarks>
/// The binding checks CHIP_ID (0xA0), sets the mode and the units (m/s²: 100 LSB per m/s²; rad/s:
/// 900 LSB per rad/s, datasheet BST-BNO055-DS000 tables 3-17 and 3-22) and reads the data registers.
/// It has no setting for the full scales, which live on register page 1 (ACC_Config 0x08, GYR_Config_0
/// 0x0A): the reader writes them in configuration mode. The output unit does not depend on the range.
/// </remarks>
internal sealed class Bno055Reader : II2cImuReader
{
    /// <summary>The CHIP_ID register (page 0).</summary>
    public const byte ChipIdRegister = 0x00;

    /// <summary>What CHIP_ID answers.</summary>
    public const byte ChipId = 0xA0;

    /// <summary>The PAGE_ID register (on both pages).</summary>
    public const byte PageId = 0x07;

    /// <summary>ACC_Config (page 1): range in bits 1:0, bandwidth in bits 4:2.</summary>
    public const byte AccConfig = 0x08;

    /// <summary>GYR_Config_0 (page 1): range in bits 2:0, bandwidth in bits 5:3.</summary>
    public const byte GyrConfig0 = 0x0A;

    // The reset values' bandwidths: 62.5 Hz for the accelerometer, 32 Hz for the gyroscope.
    private const byte AccelerometerBandwidth = 0b011 << 2;
    private const byte GyroscopeBandwidth = 0b111 << 3;

    private readonly Bno055Sensor _chip;

    private Bno055Reader(Bno055Sensor chip) => _chip = chip;

    /// <summary>Opens the chip on <paramref name="device"/>, sets its mode, units and full scales.</summary>
    /// <exception cref="IOException">The chip is not a BNO055, or the bus failed.</exception>
    public static II2cImuReader Open(I2cDevice device, I2cImuOptions options)
    {
        I2cImuChips.WriteRegister(device, PageId, 0);
        var identity = I2cImuChips.ReadRegister(device, ChipIdRegister);
        if (identity != ChipId)
        {
            throw new IOException($"CHIP_ID is 0x{identity:X2}, not 0x{ChipId:X2} (BNO055).");
        }

        var chip = new Bno055Sensor(device, OperationMode.AccelerometerGyroscope, true);
        chip.Units = Units.AccelerationMeterPerSecond | Units.AngularRateRotationPerSecond;
        chip.OperationMode = OperationMode.Config;
        I2cImuChips.WriteRegister(device, PageId, 1);
        I2cImuChips.WriteRegister(device, AccConfig, (byte)(AccelerometerBandwidth | AccelerometerRangeCode(options.AccelerometerRange)));
        I2cImuChips.WriteRegister(device, GyrConfig0, (byte)(GyroscopeBandwidth | GyroscopeRangeCode(options.GyroscopeRange)));
        I2cImuChips.WriteRegister(device, PageId, 0);
        chip.OperationMode = OperationMode.AccelerometerGyroscope;
        return new Bno055Reader(chip);
    }

    /// <summary>The ACC_Config range bits for <paramref name="g"/> (datasheet table 3-8).</summary>
    public static byte AccelerometerRangeCode(int g) => g switch
    {
        2 => 0b00,
        4 => 0b01,
        8 => 0b10,
        _ => 0b11,
    };

    /// <summary>The GYR_Config_0 range bits for <paramref name="degreesPerSecond"/> (datasheet table 3-9).</summary>
    public static byte GyroscopeRangeCode(int degreesPerSecond) => degreesPerSecond switch
    {
        2000 => 0b000,
        1000 => 0b001,
        500 => 0b010,
        250 => 0b011,
        _ => 0b100,
    };

    /// <inheritdoc />
    public ImuSample Read() => new(_chip.Accelerometer, _chip.Gyroscope);

    /// <summary>Closes the chip and its I2C device.</summary>
    public void Dispose() => _chip.Dispose();
}
