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
        var candidate = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection([new(key, text)]).Build();
        var problems = ConfigurationChecker.Check(candidate, AgentConfigurationSchema.Create()).Where(p => p.StartsWith(key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (problems.Count == 0)
        {
            var options = (SensorOptions)candidate.GetSection($"{AgentSensors.Section}:{shared.Name}").Get(driver.OptionsType)!;
            driver.Resolve(options, ContentPaths.Resolve);
            problems.AddRange(driver.Validate(options).Select(p => $"{AgentSensors.Section}:{shared.Name}:{p}"));
            if (problems.Count == 0)
            {
                var source = sensors.CreateSource(shared.Name, driver, options);
                foreach (var (app, appOptions) in apps.Apps.Where(a => a.Options.SensorNames.Contains(shared.Name, StringComparer.OrdinalIgnoreCase)))
                {
                    var appProblems = new List<string>();
                    app.CheckSource(shared.Name, source, appProblems);
                    problems.AddRange(appProblems.Select(p => $"{AgentApps.Section}:{app.Name}:{p}"));
                }

                if (problems.Count == 0)
                {
                    shared.Switch(source);
                    configuration[key] = text;
                    return new JsonObject { ["sensor"] = shared.Name, ["key"] = key, ["hz"] = hz, ["kept"] = false };
                }
            }
        }

        throw new CommandException(CommandException.InvalidValue, string.Join(" ", problems));
    }
}
