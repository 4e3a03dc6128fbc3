using System.Diagnostics.Metrics;

namespace Sensact.Pipelines.Sensors;

/// <summary>
/// The agent's sensors by name, each opened once and shared by every application that reads it;
/// it also reports their frame and drop counts as metrics (meter <see cref="MeterName"/>).
/// </summary>
/// <remarks>
/// Instruments, all observable (read when a listener collects, never on the frame path):
/// <c>sensact.sensor.frames</c> (tag <c>sensor</c>), <c>sensact.sensor.failures</c> (tag
/// <c>sensor</c>), <c>sensact.sensor.rejected</c> (tags <c>sensor</c> and <c>reason</c>: frames
/// dropped before the consumers, see <see cref="ISharedSensor.Rejected"/>), and
/// <c>sensact.sensor.delivered</c> and <c>sensact.sensor.dropped</c> (tags <c>sensor</c> and <c>consumer</c>).
/// </remarks>
public sealed class SensorHub : IDisposable
{
    /// <summary>The name of the hub's meter.</summary>
    public const string MeterName = "Sensact.Sensors";

    /// <summary>The reason tag of frames dropped because their originating time went back.</summary>
    public const string NonMonotonicTime = "non-monotonic-time";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ISharedSensor> _sensors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty hub.</summary>
    /// <param name="meterFactory">Creates the hub's meter; a meter of its own when <c>null</c> (tests, tools).</param>
    public SensorHub(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Meter.CreateObservableCounter("sensact.sensor.frames", () => Measure(s => s.Frames), "{frame}", "Frames a sensor delivered to the hub");
        Meter.CreateObservableCounter("sensact.sensor.failures", () => Measure(s => s.Failures), "{failure}", "Times a sensor failed and was reopened");
        Meter.CreateObservableCounter("sensact.sensor.rejected", MeasureRejected, "{frame}", "Frames a sensor dropped before its consumers, by reason (implausible payload, time going back)");
        Meter.CreateObservableCounter("sensact.sensor.delivered", () => MeasureConsumers(c => c.Counter.Delivered), "{frame}", "Frames a consumer's delivery policy handed on");
        Meter.CreateObservableCounter("sensact.sensor.dropped", () => MeasureConsumers(c => c.Counter.Dropped), "{frame}", "Frames a consumer's delivery policy dropped");
    }

    /// <summary>Gets the hub's meter (for a listener that reads this hub's instruments only).</summary>
    public Meter Meter { get; }

    /// <summary>Gets the sensors, by name.</summary>
    public IReadOnlyCollection<ISharedSensor> Sensors
    {
        get
        {
            lock (_gate)
            {
                return [.. _sensors.Values];
            }
        }
    }

    /// <summary>Adds a sensor under its name.</summary>
    /// <param name="sensor">The sensor.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sensor"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException">A sensor of that name is already in the hub.</exception>
    public void Add(ISharedSensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        lock (_gate)
        {
            if (!_sensors.TryAdd(sensor.Name, sensor))
            {
                throw new ArgumentException($"The hub already has a sensor named '{sensor.Name}'.", nameof(sensor));
            }
        }
    }

    /// <summary>Finds a sensor by name (case-insensitive, as configuration keys are).</summary>
    /// <param name="name">The sensor's name.</param>
    /// <param name="sensor">The sensor, when found.</param>
    /// <returns><c>true</c> when the hub has the sensor.</returns>
    public bool TryGet(string name, out ISharedSensor sensor)
    {
        lock (_gate)
        {
            return _sensors.TryGetValue(name, out sensor!);
        }
    }

    /// <summary>Gets a sensor by name with its payload type.</summary>
    /// <typeparam name="T">The payload type the caller reads.</typeparam>
    /// <param name="name">The sensor's name.</param>
    /// <returns>The sensor.</returns>
    /// <exception cref="KeyNotFoundException">The hub has no sensor of that name.</exception>
    /// <exception cref="InvalidCastException">The sensor delivers another payload type.</exception>
    public SharedSensor<T> Get<T>(string name)
    {
        if (!TryGet(name, out var sensor))
        {
            throw new KeyNotFoundException($"No sensor named '{name}' is configured.");
        }

        return sensor as SharedSensor<T>
            ?? throw new InvalidCastException($"Sensor '{name}' delivers {sensor.PayloadType.Name} frames, not {typeof(T).Name}.");
    }

    /// <summary>Closes every sensor and disposes the hub's meter.</summary>
    public void Dispose()
    {
        foreach (var sensor in Sensors)
        {
            sensor.Dispose();
        }

        Meter.Dispose();
    }

    private List<Measurement<long>> Measure(Func<ISharedSensor, long> value) =>
        [.. Sensors.Select(s => new Measurement<long>(value(s), new KeyValuePair<string, object?>("sensor", s.Name)))];

    private List<Measurement<long>> MeasureRejected() =>
        [.. Sensors.SelectMany(s => s.Rejected.Select(r => new Measurement<long>(
            r.Value,
            new KeyValuePair<string, object?>("sensor", s.Name),
            new KeyValuePair<string, object?>("reason", r.Key))))];

    private List<Measurement<long>> MeasureConsumers(Func<ISensorConsumer, long> value) =>
        [.. Sensors.SelectMany(s => s.Consumers.Select(c => new Measurement<long>(
            value(c),
            new KeyValuePair<string, object?>("sensor", s.Name),
            new KeyValuePair<string, object?>("consumer", c.Name))))];
}
