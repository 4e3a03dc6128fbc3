using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;
using Sensact.Simulators;
using Sensact.Simulators.Scenes;

namespace Sensact.Agent.Sensors;

/// <summary>
/// The <c>simulated</c> driver: one stream (<c>Stream</c>) of a seeded scene (<c>Scene</c>,
/// <c>Seed</c>) from <see cref="SimulatedScenes"/>, with ground truth; no hardware.
/// </summary>
internal sealed class SimulatedDriver : ISensorDriver
{
    public string Name => "simulated";

    public Type OptionsType => typeof(SimulatedSensorOptions);

    // A simulated camera's frame rate can change while it runs (the scene goes on at the same scene time).
    public string? RateKeyOf(SensorOptions options) =>
        options is SimulatedSensorOptions simulated && SimulatedScenes.StreamOf(simulated) == SceneModality.Camera ? nameof(SimulatedSensorOptions.FrameRateHz) : null;

    public void Resolve(SensorOptions options, Func<string, string> resolvePath)
    {
    }

    public IEnumerable<string> Validate(SensorOptions options) => ((SimulatedSensorOptions)options).Validate();

    public ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var simulated = (SimulatedSensorOptions)options;
        return SimulatedScenes.StreamOf(simulated) switch
        {
            SceneModality.Audio => new SharedSensor<AudioChunk>(SimulatedScenes.CreateAudio(name, simulated, scheduler), SensorRecovery.Default, scheduler, onFailure),
            SceneModality.Camera => new SharedSensor<ImageFrame>(SimulatedScenes.CreateCamera(name, simulated, scheduler), SensorRecovery.Default, scheduler, onFailure),
            _ => new SharedSensor<ImuSample>(SimulatedScenes.CreateImu(name, simulated, scheduler), SensorRecovery.Default, scheduler, onFailure),
        };
    }
}
