using System.Device.I2c;
using System.Reactive.Concurrency;
using Sensact.Agent.Sensors;
using Sensact.Devices.Imu;
using Sensact.Devices.Imu.I2c;
using Sensact.Devices.Tests.Imu.I2c;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;
using Sensact.Testing;

namespace Sensact.Agent.Tests.Sensors;

public sealed class I2cImuDriverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("mpu6050")]
    [InlineData("lsm9ds1")]
    [InlineData("bno055")]
    public void All_I2cDrivers_RegisteredWithTheSharedOptions(string name) =>
        Assert.Equal(typeof(I2cImuOptions), SensorDrivers.All[name].OptionsType);

    [Fact]
    public void Validate_ChipAnswers_NoProblem()
    {
        var driver = new I2cImuDriver("mpu6050", I2cImuChip.Mpu6050, (_, _) => null);

        Assert.Empty(driver.Validate(new I2cImuOptions()));
    }

    [Fact]
    public void Validate_BadValues_NamesThemAndDoesNotProbeTheBus()
    {
        var probed = false;
        var driver = new I2cImuDriver("bno055", I2cImuChip.Bno055, (_, _) => { probed = true; return null; });

        var problems = driver.Validate(new I2cImuOptions { SampleRateHz = 500, Address = 0x30 }).ToList();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Address must be 0x28 or 0x29 for BNO055", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("SampleRateHz must be greater than 0 and at most 100 for BNO055", problems[1], StringComparison.Ordinal);
        Assert.False(probed);
    }

    [Fact]
    public void Validate_ChipAbsent_TheProbesProblem()
    {
        var driver = new I2cImuDriver("lsm9ds1", I2cImuChip.Lsm9Ds1, (_, o) => $"Bus: /dev/i2c-{o.Bus} does not exist.");

        Assert.Equal(["Bus: /dev/i2c-4 does not exist."], driver.Validate(new I2cImuOptions { Bus = 4 }));
    }

    [Fact]
    public void SharedSensor_BusErrorWhileReading_ReopenedWithBackoffAndFramesGoOnInANewSegment()
    {
        var scheduler = new HistoricalScheduler(T0);
        var devices = new List<EmulatedI2cDevice>();
        var source = new I2cImuSource("imu", I2cImuChip.Mpu6050, new I2cImuOptions { SampleRateHz = 10 }, settings =>
        {
            var device = EmulatedChips.Mpu(settings);
            device.SetInt16(0x3F, 8192, bigEndian: true); // 1 g on z at ±4 g.
            devices.Add(device);
            return device;
        }, scheduler);
        using var sensor = new SharedSensor<ImuSample>(source, SensorRecovery.Default, scheduler);

        var recorder = sensor.Consume("app", DeliveryPolicy.DropOldest(16), scheduler).Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(0.55));
        devices[0].Broken = true;
        scheduler.AdvanceTo(T0.AddSeconds(3));

        Assert.Null(recorder.Error);
        Assert.Equal(2, devices.Count);
        Assert.True(devices[0].Disposed);
        Assert.Equal(1, sensor.Failures);
        Assert.Equal([0, 1], recorder.Values.Select(f => f.Segment).Distinct());
        Assert.Equal(Enumerable.Range(0, recorder.Values.Count).Select(i => (long)i), recorder.Values.Select(f => f.Sequence));
        Assert.All(recorder.Values, f => Assert.Equal(9.80665f, f.Payload.Acceleration.Z, 4));
    }
}
