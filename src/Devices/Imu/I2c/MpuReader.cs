using System.Device.I2c;
using Iot.Device.Imu;

namespace Sensact.Devices.Imu.I2c;

/// <summary>
/// An InvenSense MPU-6050, MPU-6500 or MPU-9250 through Iot.Device.Bindings (<see cref="Mpu6050"/>,
/// <see cref="Mpu6500"/>, <see cref="Mpu9250"/>), told apart by WHO_AM_I (register 0x75: 0x68, 0x70, 0x71).
/// </summary>
/// <remarks>
/// The binding resets and wakes the chip, checks its identity and sets the full scales. Its readings
/// are m/s² with g = 9.807 and degrees per second, scaled as the datasheets say (±2 g: 16384 LSB/g;
/// ±250 °/s: 131 LSB/(°/s)) divided by 1 + SMPLRT_DIV: the divider is set to 0 (the chip samples at
/// 1 kHz; this source polls at its own rate), and the readings are rescaled to standard gravity and
/// radians per second.
/// </remarks>
internal sealed class MpuReader : II2cImuReader
{
    /// <summary>The WHO_AM_I register.</summary>
    public const byte WhoAmI = 0x75;

    // The binding's m/s² use 9.807 for 1 g.
    private const float BindingGravity = 9.807f;
    private static readonly float ToStandardGravity = (float)(ImuSample.StandardGravity / BindingGravity);

    private readonly Mpu6050 _chip;

    private MpuReader(Mpu6050 chip) => _chip = chip;

    /// <summary>Gets the models by WHO_AM_I value.</summary>
    public static IReadOnlyDictionary<int, string> Models { get; } = new Dictionary<int, string>
    {
        [0x68] = "MPU-6050",
        [0x70] = "MPU-6500",
        [0x71] = "MPU-9250",
    };

    /// <summary>Opens the chip on <paramref name="device"/> and sets its full scales.</summary>
    /// <exception cref="IOException">The chip is not an MPU, or the bus failed.</exception>
    public static II2cImuReader Open(I2cDevice device, I2cImuOptions options)
    {
        var identity = I2cImuChips.ReadRegister(device, WhoAmI);
        Mpu6050 chip = identity switch
        {
            0x68 => new Mpu6050(device),
            0x70 => new Mpu6500(device),
            0x71 => new Mpu9250(device, shouldDispose: false),
            _ => throw new IOException($"WHO_AM_I is 0x{identity:X2}, not 0x68 (MPU-6050), 0x70 (MPU-6500) or 0x71 (MPU-9250)."),
        };
        chip.AccelerometerRange = options.AccelerometerRange switch
        {
            2 => AccelerometerRange.Range02G,
            4 => AccelerometerRange.Range04G,
            8 => AccelerometerRange.Range08G,
            _ => AccelerometerRange.Range16G,
        };
        chip.GyroscopeRange = options.GyroscopeRange switch
        {
            250 => GyroscopeRange.Range0250Dps,
            500 => GyroscopeRange.Range0500Dps,
            1000 => GyroscopeRange.Range1000Dps,
            _ => GyroscopeRange.Range2000Dps,
        };
        chip.SampleRateDivider = 0;
        return new MpuReader(chip);
    }

    /// <inheritdoc />
    public ImuSample Read()
    {
        var acceleration = _chip.GetAccelerometer() * ToStandardGravity;
        var angularVelocity = _chip.GetGyroscopeReading() * (MathF.PI / 180);
        return new ImuSample(acceleration, angularVelocity);
    }

    /// <summary>Closes the chip and its I2C device.</summary>
    public void Dispose() => _chip.Dispose();
}
