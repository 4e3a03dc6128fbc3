using System.Device.I2c;

namespace Sensact.Devices.Imu.I2c;

/// <summary>What the datasheets say about each chip, and how each is opened.</summary>
internal static class I2cImuChips
{
    private static readonly ChipFacts Mpu = new(
        "MPU-6050/6500/9250",
        [0x68, 0x69],
        [2, 4, 8, 16],
        [250, 500, 1000, 2000],
        MaxRateHz: 1000,
        IdentityRegister: MpuReader.WhoAmI,
        Identities: MpuReader.Models,
        MpuReader.Open);

    private static readonly ChipFacts Lsm = new(
        "LSM9DS1",
        [0x6B, 0x6A],
        [2, 4, 8, 16],
        [245, 500, 2000],
        MaxRateHz: 952,
        IdentityRegister: Lsm9Ds1Reader.WhoAmI,
        Identities: new Dictionary<int, string> { [Lsm9Ds1Reader.Identity] = "LSM9DS1" },
        Lsm9Ds1Reader.Open);

    private static readonly ChipFacts Bno = new(
        "BNO055",
        [0x28, 0x29],
        [2, 4, 8, 16],
        [125, 250, 500, 1000, 2000],
        MaxRateHz: 100,
        IdentityRegister: Bno055Reader.ChipIdRegister,
        Identities: new Dictionary<int, string> { [Bno055Reader.ChipId] = "BNO055" },
        Bno055Reader.Open);

    /// <summary>Gets the facts of <paramref name="chip"/>.</summary>
    public static ChipFacts Of(I2cImuChip chip) => chip switch
    {
        I2cImuChip.Mpu6050 => Mpu,
        I2cImuChip.Lsm9Ds1 => Lsm,
        I2cImuChip.Bno055 => Bno,
        _ => throw new ArgumentOutOfRangeException(nameof(chip), chip, "Unknown IMU chip."),
    };

    /// <summary>Reads one register: the register's address, then one byte.</summary>
    public static byte ReadRegister(I2cDevice device, byte register)
    {
        device.WriteByte(register);
        return device.ReadByte();
    }

    /// <summary>Writes one register.</summary>
    public static void WriteRegister(I2cDevice device, byte register, byte value)
    {
        Span<byte> write = [register, value];
        device.Write(write);
    }

    /// <summary>One chip's facts.</summary>
    /// <param name="Name">The chip's name, for messages.</param>
    /// <param name="Addresses">Its possible 7-bit addresses, the usual one first.</param>
    /// <param name="AccelerometerRanges">Its accelerometer full scales, in g.</param>
    /// <param name="GyroscopeRanges">Its gyroscope full scales, in degrees per second.</param>
    /// <param name="MaxRateHz">The fastest output rate it has.</param>
    /// <param name="IdentityRegister">The register that holds its identity (WHO_AM_I, CHIP_ID).</param>
    /// <param name="Identities">The identity values it answers, with the model each means.</param>
    /// <param name="Open">Configures an opened device and returns its reader.</param>
    internal sealed record ChipFacts(
        string Name,
        IReadOnlyList<int> Addresses,
        IReadOnlyList<int> AccelerometerRanges,
        IReadOnlyList<int> GyroscopeRanges,
        double MaxRateHz,
        byte IdentityRegister,
        IReadOnlyDictionary<int, string> Identities,
        Func<I2cDevice, I2cImuOptions, II2cImuReader> Open);
}
