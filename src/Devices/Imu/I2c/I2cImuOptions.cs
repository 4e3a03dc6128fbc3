using Sensact.Devices.Sensors;
using static System.FormattableString;

namespace Sensact.Devices.Imu.I2c;

/// <summary>
/// Settings of an IMU on an I2C bus: the <c>mpu6050</c>, <c>lsm9ds1</c> and <c>bno055</c> drivers'
/// keys, <c>Sensors:{name}:Bus</c>, <c>Address</c>, <c>SampleRateHz</c>, <c>AccelerometerRange</c> and
/// <c>GyroscopeRange</c>.
/// </summary>
public sealed class I2cImuOptions : SensorOptions
{
    /// <summary>Gets or sets the I2C bus number: <c>/dev/i2c-{Bus}</c> (1 on a Raspberry Pi's header pins 3 and 5).</summary>
    public int Bus { get; set; } = 1;

    /// <summary>
    /// Gets or sets the chip's 7-bit address (decimal or <c>0x..</c>), or <c>null</c> for the chip's usual
    /// one: 0x68 for an MPU (0x69 with AD0 high), 0x6B for an LSM9DS1 (0x6A), 0x28 for a BNO055 (0x29).
    /// </summary>
    public int? Address { get; set; }

    /// <summary>Gets or sets how many readings a second to take; frames are due at <c>start + i / SampleRateHz</c>.</summary>
    public double SampleRateHz { get; set; } = 100;

    /// <summary>Gets or sets the accelerometer's full scale, in g (±): 2, 4, 8 or 16.</summary>
    public int AccelerometerRange { get; set; } = 4;

    /// <summary>
    /// Gets or sets the gyroscope's full scale, in degrees per second (±): 250, 500, 1000 or 2000 for an
    /// MPU; 245, 500 or 2000 for an LSM9DS1; 125, 250, 500, 1000 or 2000 for a BNO055.
    /// </summary>
    public int GyroscopeRange { get; set; } = 500;

    /// <summary>Checks the values for <paramref name="chip"/>, naming each bad one by its key.</summary>
    /// <param name="chip">The chip the options are for.</param>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate(I2cImuChip chip)
    {
        var facts = I2cImuChips.Of(chip);
        var errors = new List<string>();
        if (Bus < 0)
        {
            errors.Add(Invariant($"Bus must be 0 or more: the N of /dev/i2c-N (got {Bus})."));
        }

        if (Address is { } address && !facts.Addresses.Contains(address))
        {
            errors.Add(Invariant($"Address must be {Join(facts.Addresses, hex: true)} for {facts.Name} (got 0x{address:X2})."));
        }

        if (!(SampleRateHz > 0) || !double.IsFinite(SampleRateHz) || SampleRateHz > facts.MaxRateHz)
        {
            errors.Add(Invariant($"SampleRateHz must be greater than 0 and at most {facts.MaxRateHz} for {facts.Name} (got {SampleRateHz})."));
        }

        if (!facts.AccelerometerRanges.Contains(AccelerometerRange))
        {
            errors.Add(Invariant($"AccelerometerRange must be {Join(facts.AccelerometerRanges, hex: false)} (g) for {facts.Name} (got {AccelerometerRange})."));
        }

        if (!facts.GyroscopeRanges.Contains(GyroscopeRange))
        {
            errors.Add(Invariant($"GyroscopeRange must be {Join(facts.GyroscopeRanges, hex: false)} (degrees per second) for {facts.Name} (got {GyroscopeRange})."));
        }

        return errors;
    }

    /// <summary>Gets the address to open: <see cref="Address"/>, or the chip's usual one.</summary>
    /// <param name="chip">The chip the options are for.</param>
    /// <returns>The 7-bit address.</returns>
    public int AddressFor(I2cImuChip chip) => Address ?? I2cImuChips.Of(chip).Addresses[0];

    /// <summary>Copies the options, so that a source keeps the values it was created with.</summary>
    /// <returns>A copy.</returns>
    public I2cImuOptions Copy() => (I2cImuOptions)MemberwiseClone();

    private static string Join(IReadOnlyList<int> values, bool hex)
    {
        var text = values.Select(v => hex ? Invariant($"0x{v:X2}") : Invariant($"{v}")).ToList();
        return string.Join(", ", text.SkipLast(1)) + " or " + text[^1];
    }
}
