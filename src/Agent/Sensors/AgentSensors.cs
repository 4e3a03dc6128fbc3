using System.Diagnostics.Metrics;
using System.Reactive.Concurrency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sensact.Agent.Configuration;
using Sensact.Agent.Hosting;
using Sensact.Devices.Replay;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// The sensors declared in the <c>Sensors</c> section, each with a thread of its own, shared
/// through one <see cref="SensorHub"/>. Nothing is opened until an application consumes a sensor.
/// </summary>
internal sealed partial class AgentSensors : IDisposable
{
    /// <summary>The configuration section sensors are declared in.</summary>
    public const string Section = "Sensors";

    private readonly Dictionary<string, EventLoopScheduler> _threads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILoggerFactory _logging;
    private readonly ILogger _logger;

    /// <summary>
    /// Reads, checks and creates the declared sensors. Problems are collected in
    /// <see cref="Problems"/> (the agent lists them with the applications' before refusing to start);
    /// only sensors without problems are created.
    /// </summary>
    public AgentSensors(IConfiguration configuration, ILoggerFactory logging, IMeterFactory? meterFactory = null)
    {
        _logging = logging;
        _logger = logging.CreateLogger<AgentSensors>();
        Hub = new SensorHub(meterFactory);
        var problems = Problems;
        var declared = new List<(string Name, ISensorDriver Driver, SensorOptions Options)>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var key = $"{Section}:{section.Key}";
            Declared.Add(section.Key);
            if (!NamedEntry.TrySelect(section, nameof(SensorOptions.Driver), SensorDrivers.All, "driver", problems, out var driver))
            {
                continue;
            }

            var options = (SensorOptions)(section.Get(driver.OptionsType) ?? Activator.CreateInstance(driver.OptionsType)!);
            if (options is ReplayOptions replay)
            {
                // A recording with several channels replays the sensor's own one unless told otherwise.
                replay.Channel ??= section.Key;
            }

            driver.Resolve(options, ContentPaths.Resolve);
            var sensorProblems = driver.Validate(options).Select(problem => $"{key}:{problem}").ToList();
            problems.AddRange(sensorProblems);
            if (sensorProblems.Count == 0)
            {
                declared.Add((section.Key, driver, options));
            }
        }

        foreach (var (name, driver, options) in declared)
        {
            var thread = new EventLoopScheduler(start => new Thread(start) { Name = $"sensor-{name}", IsBackground = true });
            _threads[name] = thread;
            Drivers[name] = driver.Name;
            Hub.Add(Create(name, driver, options));
        }
    }

    /// <summary>Gets the problems found in the <c>Sensors</c> section, each naming its key.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Gets the name of every declared sensor, valid or not.</summary>
    public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the driver of every created sensor, by sensor name.</summary>
    public Dictionary<string, string> Drivers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the hub that shares the sensors.</summary>
    public SensorHub Hub { get; }

    /// <summary>
    /// Makes a new source for a created sensor from changed options (<c>sensor.rate</c>), on the
    /// sensor's own thread; nothing is opened until the shared sensor switches to it.
    /// </summary>
    public object CreateSource(string name, ISensorDriver driver, SensorOptions options)
    {
        // The driver makes a shared sensor around its source; only the source is wanted, and a
        // shared sensor nobody consumes holds nothing open.
        using var unused = Create(name, driver, options);
        return unused.Source;
    }

    /// <summary>Closes every sensor, then stops their threads.</summary>
    public void Dispose()
    {
        Hub.Dispose();
        foreach (var thread in _threads.Values)
        {
            thread.Dispose();
        }
    }

    private ISharedSensor Create(string name, ISensorDriver driver, SensorOptions options) =>
        driver.Create(name, options, _threads[name], _logging, (error, attempt, delay) => LogSensorFailed(error, name, attempt, delay));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor} failed (attempt {Attempt}); opening it again in {Delay}")]
    private partial void LogSensorFailed(Exception exception, string sensor, int attempt, TimeSpan delay);
}
