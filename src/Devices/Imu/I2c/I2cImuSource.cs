using System.Device.I2c;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Replay;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Imu.I2c;

/// <summary>
/// An IMU on an I2C bus (MPU-6050/6500/9250, LSM9DS1, BNO055), read at a fixed rate; frames carry
/// acceleration in m/s² and angular velocity in rad/s.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Frames"/> is cold: each subscription opens <c>/dev/i2c-{Bus}</c> at the address, checks
/// the chip's identity and sets its full scales (on the scheduler), then reads one sample at
/// <c>start + i / SampleRateHz</c> (<see cref="ReplayPacing.RealTime"/>: each due time from the
/// start, so the pace does not drift). A frame's originating time is the scheduler's time at the
/// read. A failure to open or a bus error while reading (<see cref="IOException"/>) ends the
/// stream with <c>OnError</c>, the bus and address in the message, and the hub reopens it with backoff.
/// </para>
/// <para>
/// <see cref="FindProblem(I2cImuChip, I2cImuOptions)"/> tells, before an agent starts, whether the bus exists, can be opened
/// and has the chip at the address.
/// </para>
/// </remarks>
public sealed class I2cImuSource : ISensorSource<ImuSample>, ISampledSensor
{
    private readonly I2cImuChip _chip;
    private readonly I2cImuOptions _options;
    private readonly Func<I2cConnectionSettings, I2cDevice> _openDevice;
    private readonly Func<long, TimeSpan> _offsetOf;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;

    /// <summary>Creates the source; nothing is opened until <see cref="Frames"/> is subscribed.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="chip">Which chip is on the bus.</param>
    /// <param name="options">The bus, address, rate and full scales; the values are copied now.</param>
    /// <param name="scheduler">The clock that paces the reads; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="logger">Where to report what is opened.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="options"/> is not valid for the chip.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is <c>null</c>.</exception>
    public I2cImuSource(string id, I2cImuChip chip, I2cImuOptions options, IScheduler? scheduler = null, ILogger<I2cImuSource>? logger = null)
        : this(id, chip, options, I2cDevice.Create, scheduler, logger)
    {
    }

    /// <summary>Creates the source with a way to open the bus (tests pass emulated chips).</summary>
    internal I2cImuSource(
        string id,
        I2cImuChip chip,
        I2cImuOptions options,
        Func<I2cConnectionSettings, I2cDevice> openDevice,
        IScheduler? scheduler = null,
        ILogger<I2cImuSource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openDevice);
        var errors = options.Validate(chip).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"I2C IMU options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        Id = id;
        _chip = chip;
        _options = options.Copy();
        _openDevice = openDevice;
        _offsetOf = ReplayPacing.FixedRate(options.SampleRateHz);
        _scheduler = scheduler ?? Scheduler.Default;
        _logger = logger ?? NullLogger<I2cImuSource>.Instance;
        SampleRateHz = options.SampleRateHz;
        Frames = Observable.Create<Frame<ImuSample>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<ImuSample>> Frames { get; }

    /// <summary>Gets the configured read rate, in samples per second.</summary>
    public double SampleRateHz { get; }

    /// <summary>
    /// Checks, before an agent starts, that the bus exists and can be opened and that the chip answers
    /// at the address with its identity.
    /// </summary>
    /// <param name="chip">Which chip is configured.</param>
    /// <param name="options">The sensor's options.</param>
    /// <returns>What is wrong, naming its key (<c>Bus: ...</c>, <c>Address: ...</c>) and what to check; <c>null</c> when the chip answers.</returns>
    public static string? FindProblem(I2cImuChip chip, I2cImuOptions options) =>
        FindProblem(chip, options, I2cDevice.Create, File.Exists);

    /// <summary>As <see cref="FindProblem(I2cImuChip, I2cImuOptions)"/>, with ways to open the bus and to ask whether a path exists.</summary>
    internal static string? FindProblem(I2cImuChip chip, I2cImuOptions options, Func<I2cConnectionSettings, I2cDevice> openDevice, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(options);
        var facts = I2cImuChips.Of(chip);
        var path = BusPath(options.Bus);
        var address = options.AddressFor(chip);
        if (!exists(path))
        {
            return $"Bus: {path} does not exist. Enable I2C (on a Raspberry Pi: dtparam=i2c_arm=on in /boot/firmware/config.txt, or raspi-config, then reboot), "
                + "check the bus number (ls /dev/i2c-*) and the wiring.";
        }

        try
        {
            using var device = openDevice(new I2cConnectionSettings(options.Bus, address));
            if (chip == I2cImuChip.Bno055)
            {
                I2cImuChips.WriteRegister(device, Bno055Reader.PageId, 0);
            }

            var identity = I2cImuChips.ReadRegister(device, facts.IdentityRegister);
            return facts.Identities.ContainsKey(identity)
                ? null
                : $"Address: the chip at 0x{address:X2} on {path} answers 0x{identity:X2} in register 0x{facts.IdentityRegister:X2}, "
                    + $"not {string.Join(" or ", facts.Identities.Select(i => $"0x{i.Key:X2} ({i.Value})"))}. Check the driver and the address (i2cdetect -y {options.Bus}).";
        }
        catch (UnauthorizedAccessException error)
        {
            return $"Bus: cannot open {path}: {error.Message} Add the agent's user to the i2c group (sudo usermod -aG i2c USER, then log in again).";
        }
        catch (IOException error)
        {
            return $"Address: no {facts.Name} answers at 0x{address:X2} on {path} ({error.Message}). "
                + $"Check the wiring and power, and that i2cdetect -y {options.Bus} shows 0x{address:X2}.";
        }
    }

    private static string BusPath(int bus) => $"/dev/i2c-{bus}";

    private IDisposable Subscribe(IObserver<Frame<ImuSample>> observer)
    {
        var gate = new Lock();
        II2cImuReader? reader = null;
        var closed = false;
        var reading = new SingleAssignmentDisposable();

        bool Emit(long sequence, DateTimeOffset originatingTime)
        {
            ImuSample sample;
            lock (gate)
            {
                if (closed)
                {
                    return false;
                }

                try
                {
                    sample = reader!.Read();
                }
                catch (IOException error)
                {
                    observer.OnError(new IOException($"{Describe()}: read failed: {error.Message}", error));
                    return false;
                }
            }

            observer.OnNext(new Frame<ImuSample>(sample, originatingTime, Id, sequence));
            return true;
        }

        var opening = _scheduler.Schedule(() =>
        {
            II2cImuReader opened;
            try
            {
                opened = Open();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
            {
                observer.OnError(error is IOException ? new IOException($"{Describe()}: cannot open: {error.Message}", error) : error);
                return;
            }

            lock (gate)
            {
                if (closed)
                {
                    opened.Dispose();
                    return;
                }

                reader = opened;
            }

            _logger.LogInformation("Reading {Chip} at {Rate} samples/s: {Where}", _chip, SampleRateHz, Describe());
            reading.Disposable = ReplayPacing.RealTime(_scheduler, _offsetOf, Emit);
        });

        return Disposable.Create(() =>
        {
            opening.Dispose();
            reading.Dispose();
            lock (gate)
            {
                closed = true;
                reader?.Dispose();
                reader = null;
            }
        });
    }

    private II2cImuReader Open()
    {
        var device = _openDevice(new I2cConnectionSettings(_options.Bus, _options.AddressFor(_chip)));
        try
        {
            return I2cImuChips.Of(_chip).Open(device, _options);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    private string Describe() =>
        $"{I2cImuChips.Of(_chip).Name} at 0x{_options.AddressFor(_chip):X2} on {BusPath(_options.Bus)} (check the wiring and i2cdetect -y {_options.Bus})";
}
