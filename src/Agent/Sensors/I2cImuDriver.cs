using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Imu;
using Sensact.Devices.Imu.I2c;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// The <c>mpu6050</c>, <c>lsm9ds1</c> and <c>bno055</c> drivers: an IMU on an I2C bus, read at
/// <c>SampleRateHz</c>. At start the bus must exist and open, and the chip must answer at its address.
/// </summary>
/// <param name="name">The driver's name in configuration.</param>
/// <param name="chip">The chip it reads.</param>
/// <param name="findProblem">Checks the bus and the chip at start (tests pass emulated buses).</param>
internal sealed class I2cImuDriver(string name, I2cImuChip chip, Func<I2cImuChip, I2cImuOptions, string?>? findProblem = null) : ISensorDriver
{
    private readonly Func<I2cImuChip, I2cImuOptions, string?> _findProblem = findProblem ?? I2cImuSource.FindProblem;

    public string Name => name;

    public Type OptionsType => typeof(I2cImuOptions);

    public string? RateKey => nameof(I2cImuOptions.SampleRateHz);

    public void Resolve(SensorOptions options, Func<string, string> resolvePath)
    {
    }

    public IEnumerable<string> Validate(SensorOptions options)
    {
        var i2c = (I2cImuOptions)options;
        var problems = i2c.Validate(chip).ToList();
        if (problems.Count == 0 && _findProblem(chip, i2c) is { } absent)
        {
            // A configured device that is not there stops the start, saying what to check.
            problems.Add(absent);
        }

        return problems;
    }

    public ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var source = new I2cImuSource(name, chip, (I2cImuOptions)options, scheduler, logging.CreateLogger<I2cImuSource>());
        return new SharedSensor<ImuSample>(source, SensorRecovery.Default, scheduler, onFailure);
    }
}
