using System.Device.I2c;
using Iot.Device.Lsm9Ds1;

namespace Sensact.Devices.Imu.I2c;

/// <summary>
/// The accelerometer and gyroscope of an STMicroelectronics LSM9DS1 through Iot.Device.Bindings
/// (<see cref="Lsm9Ds1AccelerometerAndGyroscope"/>); the magnetometer (its own address, 0x1E) is not read.
/// </summary>
/// <remarks>
/// The binding sets the full scales and enables the gyroscope's axes; its readings divide the raw
/// counts by 2^15 / range (in integers: 133, 65 and 16 for the gyroscope), which is not what the datasheet says (DocID025715, table 3: 0.061, 0.122,
/// 0.244 and 0.732 mg/LSB at ±2, 4, 8, 16 g; 8.75, 17.50 and 70 mdps/LSB at ±245, 500, 2000 °/s), so
/// the reader undoes the binding's divisor and applies the datasheet's sensitivity. The binding fixes
/// the output rate at 119 Hz; the reader sets the slowest rate at or above <c>SampleRateHz</c>.
/// </remarks>
internal sealed class Lsm9Ds1Reader : II2cImuReader
{
    /// <summary>The WHO_AM_I register of the accelerometer and gyroscope.</summary>
    public const byte WhoAmI = 0x0F;

    /// <summary>What WHO_AM_I answers.</summary>
    public const byte Identity = 0x68;

    private const byte CtrlReg1G = 0x10;
    private const byte CtrlReg6Xl = 0x20;

    // ODR_G codes 1..6 and their rates (datasheet table 46).
    private static readonly double[] OutputRates = [14.9, 59.5, 119, 238, 476, 952];

    private readonly Lsm9Ds1AccelerometerAndGyroscope _chip;
    private readonly float _toMetresPerSecondSquared;
    private readonly float _toRadiansPerSecond;

    private Lsm9Ds1Reader(Lsm9Ds1AccelerometerAndGyroscope chip, int accelerometerRange, int gyroscopeRange)
    {
        _chip = chip;
        var (milliGPerLsb, bindingAccelerationDivisor) = accelerometerRange switch
        {
            2 => (0.061, 32768 / 2),
            4 => (0.122, 32768 / 4),
            8 => (0.244, 32768 / 8),
            _ => (0.732, 32768 / 16),
        };
        var (milliDpsPerLsb, bindingRateDivisor) = gyroscopeRange switch
        {
            245 => (8.75, 32768 / 245),
            500 => (17.50, 32768 / 500),
            _ => (70.0, 32768 / 2000),
        };
        _toMetresPerSecondSquared = (float)(bindingAccelerationDivisor * milliGPerLsb / 1000 * ImuSample.StandardGravity);
        _toRadiansPerSecond = (float)(bindingRateDivisor * milliDpsPerLsb / 1000 * Math.PI / 180);
    }

    /// <summary>Opens the chip on <paramref name="device"/>, sets its full scales and output rate.</summary>
    /// <exception cref="IOException">The chip is not an LSM9DS1, or the bus failed.</exception>
    public static II2cImuReader Open(I2cDevice device, I2cImuOptions options)
    {
        var identity = I2cImuChips.ReadRegister(device, WhoAmI);
        if (identity != Identity)
        {
            throw new IOException($"WHO_AM_I is 0x{identity:X2}, not 0x{Identity:X2} (LSM9DS1 accelerometer and gyroscope).");
        }

        var chip = new Lsm9Ds1AccelerometerAndGyroscope(
            device,
            options.AccelerometerRange switch
            {
                2 => AccelerationScale.Scale02G,
                4 => AccelerationScale.Scale04G,
                8 => AccelerationScale.Scale08G,
                _ => AccelerationScale.Scale16G,
            },
            options.GyroscopeRange switch
            {
                245 => AngularRateScale.Scale0245Dps,
                500 => AngularRateScale.Scale0500Dps,
                _ => AngularRateScale.Scale2000Dps,
            });

        // With the gyroscope on, both run at the gyroscope's rate; keep the scale bits the binding set.
        var code = (byte)(Array.FindIndex(OutputRates, rate => rate >= options.SampleRateHz) + 1);
        code = code == 0 ? (byte)OutputRates.Length : code;
        foreach (var register in (ReadOnlySpan<byte>)[CtrlReg1G, CtrlReg6Xl])
        {
            var value = I2cImuChips.ReadRegister(device, register);
            I2cImuChips.WriteRegister(device, register, (byte)((value & 0b0001_1111) | (code << 5)));
        }

        return new Lsm9Ds1Reader(chip, options.AccelerometerRange, options.GyroscopeRange);
    }

    /// <inheritdoc />
    public ImuSample Read() =>
        new(_chip.Acceleration * _toMetresPerSecondSquared, _chip.AngularRate * _toRadiansPerSecond);

    /// <summary>Closes the chip and its I2C device.</summary>
    public void Dispose() => _chip.Dispose();
}
