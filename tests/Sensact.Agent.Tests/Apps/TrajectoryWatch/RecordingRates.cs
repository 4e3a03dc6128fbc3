using Sensact.Agent.Apps;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Sensors;
using Sensact.Simulators;

namespace Sensact.Agent.Tests.Apps.TrajectoryWatch;

/// <summary>Sensor rates for tests: records every change and, given a hub, switches the simulated camera as the agent would.</summary>
internal sealed class RecordingRates(double start, SensorHub? hub = null, Func<double, SimulatedSensorOptions>? options = null, System.Reactive.Concurrency.IScheduler? scheduler = null) : ISensorRates
{
    public double Current { get; private set; } = start;

    public List<(DateTimeOffset At, double Hz)> Changes { get; } = [];

    public Func<DateTimeOffset> Now { get; init; } = () => default;

    public double? RateOf(string sensor) => Current;

    public bool TrySetRate(string sensor, double hz, ICollection<string> problems)
    {
        Current = hz;
        Changes.Add((Now(), hz));
        if (hub is not null && options is not null)
        {
            hub.Get<ImageFrame>(sensor).Switch(SimulatedScenes.CreateCamera(sensor, options(hz), scheduler));
        }

        return true;
    }
}
