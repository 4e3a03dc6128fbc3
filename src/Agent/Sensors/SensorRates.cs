using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sensact.Agent.Apps;
using Sensact.Agent.Commands;
using Sensact.Agent.Configuration;
using Sensact.Agent.Hosting;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// Changes a sensor's rate while the agent runs, for the <c>sensor.rate</c> command and for
/// applications' actions: the new rate passes the checks made at start (the driver's, and every
/// application that reads the sensor), then the sensor switches to a new source at once (a new
/// segment). In memory only, like <c>config.set</c>.
/// </summary>
internal sealed class SensorRates(IConfiguration configuration, AgentSensors sensors, Func<AgentApps> apps) : ISensorRates
{
    private readonly Lock _gate = new();

    /// <summary>Switches the sensor; the key changed on success.</summary>
    /// <exception cref="CommandException">The sensor is unknown, its rate fixed, or the rate refused; the message says why.</exception>
    public string Change(string name, double hz)
    {
        lock (_gate)
        {
            var (shared, driver, rateKey) = Find(name);
            var key = $"{AgentSensors.Section}:{shared.Name}:{rateKey}";
            var change = new ConfigurationChange(configuration, key, hz.ToString(CultureInfo.InvariantCulture));
            Refuse(change.Problems);
            var options = (SensorOptions)change.Candidate.GetSection($"{AgentSensors.Section}:{shared.Name}").Get(driver.OptionsType)!;
            driver.Resolve(options, ContentPaths.Resolve);
            Refuse([.. driver.Validate(options).Select(p => $"{AgentSensors.Section}:{shared.Name}:{p}")]);

            var source = sensors.CreateSource(shared.Name, driver, options);
            var appProblems = new List<string>();
            foreach (var (app, _) in apps().Apps.Where(a => a.Options.SensorNames.Contains(shared.Name, StringComparer.OrdinalIgnoreCase)))
            {
                var problems = new List<string>();
                app.CheckSource(shared.Name, source, problems);
                appProblems.AddRange(problems.Select(p => $"{AgentApps.Section}:{app.Name}:{p}"));
            }

            Refuse(appProblems);
            shared.Switch(source);
            change.Apply();
            return key;
        }
    }

    public double? RateOf(string sensor)
    {
        if (!sensors.Hub.TryGet(sensor, out var shared))
        {
            return null;
        }

        return shared.Source is ISampledSensor sampled ? sampled.SampleRateHz : null;
    }

    public bool TrySetRate(string sensor, double hz, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            Change(sensor, hz);
            return true;
        }
        catch (CommandException ex)
        {
            problems.Add(ex.Message);
            return false;
        }
    }

    private (ISharedSensor Shared, ISensorDriver Driver, string RateKey) Find(string name)
    {
        if (!sensors.Drivers.TryGetValue(name, out var driverName) || !sensors.Hub.TryGet(name, out var shared))
        {
            throw new CommandException(CommandException.UnknownSensor, $"no sensor '{name}' (sensors: {string.Join(", ", sensors.Drivers.Keys)})");
        }

        var driver = SensorDrivers.All[driverName];
        var current = (SensorOptions?)configuration.GetSection($"{AgentSensors.Section}:{shared.Name}").Get(driver.OptionsType);
        if ((current is null ? driver.RateKey : driver.RateKeyOf(current)) is not { } rateKey)
        {
            throw new CommandException(CommandException.NotLive, $"sensor '{shared.Name}' (driver {driver.Name}) has a rate fixed by its device or recording");
        }

        return (shared, driver, rateKey);
    }

    private static void Refuse(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new CommandException(CommandException.InvalidValue, string.Join(" ", problems));
        }
    }
}
