using System.Device.I2c;
using System.Numerics;
using System.Reactive.Concurrency;
using Sensact.Devices.Imu;
using Sensact.Devices.Imu.I2c;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Imu.I2c;

/// <summary>
/// The real Iot.Device.Bindings code against emulated register maps: register values to SI values,
/// checked against the datasheets' sensitivities for each chip and range.
/// </summary>
public sealed class I2cImuSourceTests
{
    private const double G = 9.80665;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // MPU-6000/6050 and MPU-6500/9250 product specifications: accelerometer sensitivity 16384, 8192,
    // 4096, 2048 LSB/g; gyroscope 131, 65.5, 32.8, 16.4 LSB/(°/s) (nominal, rounded: 2^15 / range).
    [Theory]
    [InlineData(0x68, 2, 16384, 250, 131)]
    [InlineData(0x68, 4, 8192, 500, 65.5)]
    [InlineData(0x68, 8, 4096, 1000, 32.8)]
    [InlineData(0x68, 16, 2048, 2000, 16.4)]
    [InlineData(0x70, 2, 16384, 2000, 16.4)]
    [InlineData(0x70, 16, 2048, 250, 131)]
    [InlineData(0x71, 4, 8192, 1000, 32.8)]
    [InlineData(0x71, 8, 4096, 500, 65.5)]
    public void Frames_Mpu_RegistersToSiAsTheDatasheetSays(int whoAmI, int accelerometerRange, int lsbPerG, int gyroscopeRange, double lsbPerDps)
    {
        var device = EmulatedChips.Mpu(new I2cConnectionSettings(1, 0x68), (byte)whoAmI);
        var rawAcceleration = new[] { (short)lsbPerG, (short)(-lsbPerG / 2), (short)(lsbPerG * 3 / 2) };
        var rawRate = new[] { (short)Math.Round(lsbPerDps * 100), (short)Math.Round(-lsbPerDps * 10), (short)0 };
        for (var axis = 0; axis < 3; axis++)
        {
            device.SetInt16(0x3B + (2 * axis), rawAcceleration[axis], bigEndian: true);
            device.SetInt16(0x43 + (2 * axis), rawRate[axis], bigEndian: true);
        }

        var sample = ReadOne(I2cImuChip.Mpu6050, new I2cImuOptions { AccelerometerRange = accelerometerRange, GyroscopeRange = gyroscopeRange }, device);

        AssertClose(new Vector3(1, -0.5f, 1.5f) * (float)G, sample.Acceleration, 1e-5);
        // The datasheet's gyroscope sensitivities are rounded to three digits.
        AssertClose(new Vector3(100, -10, 0) * (MathF.PI / 180), sample.AngularVelocity!.Value, 2e-3);
        var fullScaleCode = new Dictionary<int, int> { [2] = 0, [4] = 1, [8] = 2, [16] = 3, [250] = 0, [500] = 1, [1000] = 2, [2000] = 3 };
        Assert.Equal(fullScaleCode[accelerometerRange], (device[0x1C] >> 3) & 0b11);
        Assert.Equal(fullScaleCode[gyroscopeRange], (device[0x1B] >> 3) & 0b11);
        Assert.Equal(0, device[0x19]);
    }

    // LSM9DS1 datasheet (DocID025715) table 3: 0.061, 0.122, 0.244, 0.732 mg/LSB; 8.75, 17.50, 70 mdps/LSB.
    [Theory]
    [InlineData(2, 0.061, 0b00, 245, 8.75, 0b00)]
    [InlineData(4, 0.122, 0b10, 500, 17.50, 0b01)]
    [InlineData(8, 0.244, 0b11, 2000, 70.0, 0b11)]
    [InlineData(16, 0.732, 0b01, 245, 8.75, 0b00)]
    public void Frames_Lsm9Ds1_RegistersToSiAsTheDatasheetSays(int accelerometerRange, double milliGPerLsb, int accelerometerCode, int gyroscopeRange, double milliDpsPerLsb, int gyroscopeCode)
    {
        var device = EmulatedChips.Lsm9Ds1(new I2cConnectionSettings(1, 0x6B));
        device.SetInt16(0x28, 10000, bigEndian: false);
        device.SetInt16(0x2A, -2000, bigEndian: false);
        device.SetInt16(0x2C, 4000, bigEndian: false);
        device.SetInt16(0x18, 1000, bigEndian: false);
        device.SetInt16(0x1A, -300, bigEndian: false);
        device.SetInt16(0x1C, 0, bigEndian: false);

        var sample = ReadOne(I2cImuChip.Lsm9Ds1, new I2cImuOptions { AccelerometerRange = accelerometerRange, GyroscopeRange = gyroscopeRange }, device);

        AssertClose(new Vector3(10000, -2000, 4000) * (float)(milliGPerLsb / 1000 * G), sample.Acceleration, 1e-5);
        AssertClose(new Vector3(1000, -300, 0) * (float)(milliDpsPerLsb / 1000 * Math.PI / 180), sample.AngularVelocity!.Value, 1e-5);
        Assert.Equal(accelerometerCode, (device[0x20] >> 3) & 0b11);
        Assert.Equal(gyroscopeCode, (device[0x10] >> 3) & 0b11);
        Assert.Equal(0b011, device[0x10] >> 5); // 119 Hz: the slowest rate at or above 100 samples/s.
    }

    // BNO055 datasheet (BST-BNO055-DS000) tables 3-8, 3-9 (range bits), 3-17 and 3-22: 1 m/s² = 100 LSB,
    // 1 rad/s = 900 LSB whatever the range.
    [Theory]
    [InlineData(2, 0b00, 2000, 0b000)]
    [InlineData(4, 0b01, 1000, 0b001)]
    [InlineData(8, 0b10, 500, 0b010)]
    [InlineData(16, 0b11, 250, 0b011)]
    [InlineData(4, 0b01, 125, 0b100)]
    public void Frames_Bno055_RegistersToSiAsTheDatasheetSays(int accelerometerRange, int accelerometerCode, int gyroscopeRange, int gyroscopeCode)
    {
        var device = EmulatedChips.Bno055(new I2cConnectionSettings(1, 0x28));
        device.SetInt16(0x08, 981, bigEndian: false);
        device.SetInt16(0x0A, -50, bigEndian: false);
        device.SetInt16(0x0C, 1200, bigEndian: false);
        device.SetInt16(0x14, 900, bigEndian: false);
        device.SetInt16(0x16, -450, bigEndian: false);
        device.SetInt16(0x18, 90, bigEndian: false);

        var sample = ReadOne(I2cImuChip.Bno055, new I2cImuOptions { AccelerometerRange = accelerometerRange, GyroscopeRange = gyroscopeRange }, device);

        AssertClose(new Vector3(9.81f, -0.5f, 12f), sample.Acceleration, 1e-5);
        AssertClose(new Vector3(1, -0.5f, 0.1f), sample.AngularVelocity!.Value, 1e-5);
        Assert.Equal(accelerometerCode, device[1, 0x08] & 0b11);
        Assert.Equal(gyroscopeCode, device[1, 0x0A] & 0b111);
        Assert.Equal(0x05, device[0, 0x3D]); // OPR_MODE: AMG.
        Assert.Equal(0x02, device[0, 0x3B] & 0x03); // UNIT_SEL: m/s², rad/s.
        Assert.Equal(0, device[0, 0x07]); // Back on page 0.
    }

    [Fact]
    public void Frames_FiftyHertz_ReadAtStartPlusIOverRateWithTheSchedulersTime()
    {
        var device = EmulatedChips.Mpu(new I2cConnectionSettings(1, 0x68));
        var scheduler = new HistoricalScheduler(T0);
        var source = new I2cImuSource("imu", I2cImuChip.Mpu6050, new I2cImuOptions { SampleRateHz = 50 }, _ => device, scheduler);

        var recorder = source.Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(1));

        Assert.Equal(51, recorder.Values.Count);
        Assert.Equal(Enumerable.Range(0, 51).Select(i => T0.AddMilliseconds(20 * i)), recorder.Values.Select(f => f.OriginatingTime));
        Assert.Equal(recorder.ValueTimes, recorder.Values.Select(f => f.OriginatingTime));
        Assert.Equal(Enumerable.Range(0, 51).Select(i => (long)i), recorder.Values.Select(f => f.Sequence));
        Assert.All(recorder.Values, f => Assert.Equal("imu", f.SourceId));
        Assert.Equal(50, source.SampleRateHz);
    }

    [Fact]
    public void Frames_BusErrorWhileReading_EndsWithIOExceptionNamingBusAndAddressAndCloses()
    {
        var device = EmulatedChips.Mpu(new I2cConnectionSettings(3, 0x69));
        var scheduler = new HistoricalScheduler(T0);
        var source = new I2cImuSource("imu", I2cImuChip.Mpu6050, new I2cImuOptions { Bus = 3, Address = 0x69, SampleRateHz = 10 }, _ => device, scheduler);

        var recorder = source.Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(0.25));
        device.Broken = true;
        scheduler.AdvanceTo(T0.AddSeconds(1));

        Assert.Equal(3, recorder.Values.Count);
        var error = Assert.IsType<IOException>(recorder.Error);
        Assert.Contains("0x69 on /dev/i2c-3", error.Message, StringComparison.Ordinal);
        Assert.Contains("i2cdetect -y 3", error.Message, StringComparison.Ordinal);
        Assert.True(device.Disposed);
    }

    [Fact]
    public void Frames_WrongChip_EndsWithErrorNamingWhatAnswered()
    {
        var device = EmulatedChips.Mpu(new I2cConnectionSettings(1, 0x68), whoAmI: 0x12);
        var scheduler = new HistoricalScheduler(T0);
        var source = new I2cImuSource("imu", I2cImuChip.Mpu6050, new I2cImuOptions(), _ => device, scheduler);

        var recorder = source.Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(1));

        Assert.Empty(recorder.Values);
        Assert.Contains("WHO_AM_I is 0x12", Assert.IsType<IOException>(recorder.Error).Message, StringComparison.Ordinal);
        Assert.True(device.Disposed);
    }

    [Fact]
    public void Frames_BusCannotBeOpened_EndsWithError()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = new I2cImuSource(
            "imu", I2cImuChip.Lsm9Ds1, new I2cImuOptions(), _ => throw new IOException("Error 2. Can not open I2C device file '/dev/i2c-1'."), scheduler);

        var recorder = source.Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(1));

        Assert.Contains("LSM9DS1 at 0x6B on /dev/i2c-1", Assert.IsType<IOException>(recorder.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_Disposed_StopsReadingAndClosesTheDevice()
    {
        var device = EmulatedChips.Bno055(new I2cConnectionSettings(1, 0x28));
        var scheduler = new HistoricalScheduler(T0);
        var source = new I2cImuSource("imu", I2cImuChip.Bno055, new I2cImuOptions { SampleRateHz = 10 }, _ => device, scheduler);

        var recorder = source.Frames.Record(scheduler, out var subscription);
        scheduler.AdvanceTo(T0.AddSeconds(0.15));
        subscription.Dispose();
        scheduler.AdvanceTo(T0.AddSeconds(1));

        Assert.Equal(2, recorder.Values.Count);
        Assert.True(device.Disposed);
        Assert.Null(recorder.Error);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEachKey()
    {
        var error = Assert.Throws<ArgumentException>("options", () => new I2cImuSource(
            "imu", I2cImuChip.Lsm9Ds1, new I2cImuOptions { Bus = -1, Address = 0x68, SampleRateHz = 0, AccelerometerRange = 3, GyroscopeRange = 250 }, _ => null!));

        Assert.Contains("Bus must be 0 or more", error.Message, StringComparison.Ordinal);
        Assert.Contains("Address must be 0x6B or 0x6A for LSM9DS1 (got 0x68).", error.Message, StringComparison.Ordinal);
        Assert.Contains("SampleRateHz must be greater than 0 and at most 952 for LSM9DS1 (got 0).", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccelerometerRange must be 2, 4, 8 or 16 (g) for LSM9DS1 (got 3).", error.Message, StringComparison.Ordinal);
        Assert.Contains("GyroscopeRange must be 245, 500 or 2000 (degrees per second) for LSM9DS1 (got 250).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(I2cImuChip.Mpu6050, 0x68)]
    [InlineData(I2cImuChip.Lsm9Ds1, 0x6B)]
    [InlineData(I2cImuChip.Bno055, 0x28)]
    public void AddressFor_NoAddress_TheChipsUsualOne(I2cImuChip chip, int address) =>
        Assert.Equal(address, new I2cImuOptions().AddressFor(chip));

    [Fact]
    public void FindProblem_MissingBus_NamesTheBusAndWhatToCheck()
    {
        var problem = I2cImuSource.FindProblem(I2cImuChip.Mpu6050, new I2cImuOptions { Bus = 7 }, _ => throw new InvalidOperationException("not opened"), _ => false);

        Assert.StartsWith("Bus: /dev/i2c-7 does not exist.", problem, StringComparison.Ordinal);
        Assert.Contains("dtparam=i2c_arm=on", problem, StringComparison.Ordinal);
        Assert.Contains("wiring", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblem_NoPermission_NamesTheI2cGroup()
    {
        var problem = I2cImuSource.FindProblem(I2cImuChip.Bno055, new I2cImuOptions(), _ => throw new UnauthorizedAccessException("Access denied."), _ => true);

        Assert.StartsWith("Bus: cannot open /dev/i2c-1", problem, StringComparison.Ordinal);
        Assert.Contains("i2c group", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblem_NothingAnswers_NamesTheAddressAndI2cdetect()
    {
        var device = EmulatedChips.Lsm9Ds1(new I2cConnectionSettings(1, 0x6A));
        device.Broken = true;

        var problem = I2cImuSource.FindProblem(I2cImuChip.Lsm9Ds1, new I2cImuOptions { Address = 0x6A }, _ => device, _ => true);

        Assert.StartsWith("Address: no LSM9DS1 answers at 0x6A on /dev/i2c-1", problem, StringComparison.Ordinal);
        Assert.Contains("i2cdetect -y 1", problem, StringComparison.Ordinal);
        Assert.True(device.Disposed);
    }

    [Fact]
    public void FindProblem_AnotherChip_NamesWhatAnswered()
    {
        var device = EmulatedChips.Bno055(new I2cConnectionSettings(1, 0x68));

        var problem = I2cImuSource.FindProblem(I2cImuChip.Mpu6050, new I2cImuOptions(), _ => device, _ => true);

        Assert.Equal(
            "Address: the chip at 0x68 on /dev/i2c-1 answers 0x00 in register 0x75, not 0x68 (MPU-6050) or 0x70 (MPU-6500) or 0x71 (MPU-9250). Check the driver and the address (i2cdetect -y 1).",
            problem);
    }

    [Theory]
    [InlineData(I2cImuChip.Mpu6050)]
    [InlineData(I2cImuChip.Lsm9Ds1)]
    [InlineData(I2cImuChip.Bno055)]
    public void FindProblem_TheChipAnswers_Null(I2cImuChip chip)
    {
        var settings = new I2cConnectionSettings(1, new I2cImuOptions().AddressFor(chip));
        var device = chip switch
        {
            I2cImuChip.Mpu6050 => EmulatedChips.Mpu(settings),
            I2cImuChip.Lsm9Ds1 => EmulatedChips.Lsm9Ds1(settings),
            _ => EmulatedChips.Bno055(settings),
        };

        Assert.Null(I2cImuSource.FindProblem(chip, new I2cImuOptions(), s => s.BusId == 1 && s.DeviceAddress == settings.DeviceAddress ? device : null!, _ => true));
    }

    private static ImuSample ReadOne(I2cImuChip chip, I2cImuOptions options, EmulatedI2cDevice device)
    {
        var scheduler = new HistoricalScheduler(T0);
        I2cConnectionSettings? opened = null;
        var source = new I2cImuSource("imu", chip, options, settings => { opened = settings; return device; }, scheduler);

        var recorder = source.Frames.Record(scheduler, out var subscription);
        scheduler.AdvanceBy(TimeSpan.FromTicks(1));
        subscription.Dispose();

        Assert.Null(recorder.Error);
        Assert.Equal((options.Bus, options.AddressFor(chip)), (opened!.BusId, opened.DeviceAddress));
        return Assert.Single(recorder.Values).Payload;
    }

    private static void AssertClose(Vector3 expected, Vector3 actual, double relative)
    {
        var tolerance = relative * Math.Max(1, expected.Length());
        Assert.True((expected - actual).Length() <= tolerance, $"expected {expected}, got {actual}");
    }
}
