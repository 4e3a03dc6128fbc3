using System.Text.Json;
using System.Text.Json.Nodes;
using Sensact.Agent.Sensors;

namespace Sensact.Agent.Commands;

/// <summary>
/// <c>sensor.rate</c> with <c>{"sensor":"imu","hz":52}</c>: the sensor goes on at another rate
/// without a restart. The new rate passes the checks made at start (the driver's, and every
/// application that reads the sensor: a model trained at 26 Hz refuses 52 Hz), then the sensor
/// switches to a new source at once (a new segment: no window spans the change). In memory only,
/// like <c>config.set</c>. The work is <see cref="SensorRates"/>'s, shared with applications' actions.
/// </summary>
internal sealed class SensorRateCommand(SensorRates rates) : ICommand
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
        var key = rates.Change(name, hz);
        var sensor = key.Split(':')[1];
        return new JsonObject { ["sensor"] = sensor, ["key"] = key, ["hz"] = hz, ["kept"] = false };
    }
}
