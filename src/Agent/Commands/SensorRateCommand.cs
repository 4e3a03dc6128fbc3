using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sensact.Agent.Apps;
using Sensact.Agent.Configuration;
using Sensact.Agent.Hosting;
using Sensact.Agent.Sensors;
using Sensact.Devices.Sensors;

namespace Sensact.Agent.Commands;

/// <summary>
/// <c>sensor.rate</c> with <c>{"sensor":"imu","hz":52}</c>: the sensor goes on at another rate
/// without a restart. The new rate passes the checks made at start (the driver's, and every
/// application that reads the sensor: a model trained at 26 Hz refuses 52 Hz), then the sensor
/// switches to a new source at once (a new segment: no window spans the change). In memory only,
/// like <c>config.set</c>.
/// </summary>
internal sealed class SensorRateCommand(IConfiguration configuration, AgentSensors sensors, AgentApps apps) : ICommand
{
    public string Name => "sensor.rate";

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments["sensor"] is not { } sensorNode || sensorNode.GetValueKind() != JsonValueKind.String
            || arguments["hz"] is not { } hzNode || hzNode.GetValueKind() != JsonValueKind.Number)
        {
            throw new CommandException(CommandException.BadRequest, "sensor.rate needs {\"sensor\":\"<name>\",\"hz\":<samples or frames per second>}");
        }

        var name = sensorNode.GetValue<string>();
        var hz = hzNode.GetValue<double>();
        if (!sensors.Drivers.TryGetValue(name, out var driverName) || !sensors.Hub.TryGet(name, out var shared))
        {
            throw new CommandException(CommandException.UnknownSensor, $"no sensor '{name}' (sensors: {string.Join(", ", sensors.Drivers.Keys)})");
        }

        var driver = SensorDrivers.All[driverName];
        if (driver.RateKey is not { } rateKey)
        {
            throw new CommandException(CommandException.NotLive, $"sensor '{shared.Name}' (driver {driver.Name}) has a rate fixed by its device or recording");
        }

        var key = $"{AgentSensors.Section}:{shared.Name}:{rateKey}";
        var text = hz.ToString(CultureInfo.InvariantCulture);
        var change = new ConfigurationChange(configuration, key, text);
        Refuse(change.Problems);
        var options = (SensorOptions)change.Candidate.GetSection($"{AgentSensors.Section}:{shared.Name}").Get(driver.OptionsType)!;
        driver.Resolve(options, ContentPaths.Resolve);
        Refuse([.. driver.Validate(options).Select(p => $"{AgentSensors.Section}:{shared.Name}:{p}")]);

        var source = sensors.CreateSource(shared.Name, driver, options);
        var appProblems = new List<string>();
        foreach (var (app, _) in apps.Apps.Where(a => a.Options.SensorNames.Contains(shared.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var problems = new List<string>();
            app.CheckSource(shared.Name, source, problems);
            appProblems.AddRange(problems.Select(p => $"{AgentApps.Section}:{app.Name}:{p}"));
        }

        Refuse(appProblems);
        shared.Switch(source);
        change.Apply();
        return new JsonObject { ["sensor"] = shared.Name, ["key"] = key, ["hz"] = hz, ["kept"] = false };
    }

    private static void Refuse(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new CommandException(CommandException.InvalidValue, string.Join(" ", problems));
        }
    }
}
