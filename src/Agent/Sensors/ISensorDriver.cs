using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// A kind of sensor the agent can open, named by <c>Sensors:{name}:Driver</c>: its options type,
/// how those options are checked at start, and how a shared sensor is made from them.
/// </summary>
internal interface ISensorDriver
{
    /// <summary>Gets the driver's name in configuration (for example <c>replay</c>).</summary>
    string Name { get; }

    /// <summary>Gets the driver's options type, bound from <c>Sensors:{name}</c>; it derives from <see cref="SensorOptions"/>.</summary>
    Type OptionsType { get; }

    /// <summary>
    /// Gets the options key that sets the sensor's rate (<c>sensor.rate</c> changes it while the agent
    /// runs), or <c>null</c> when the rate is fixed by the device or the recording.
    /// </summary>
    string? RateKey => null;

    /// <summary>Gets the rate key for these options (a driver with several streams may have one per stream); by default <see cref="RateKey"/>.</summary>
    string? RateKeyOf(SensorOptions options) => RateKey;

    /// <summary>Resolves relative paths in the options (done once, before validation).</summary>
    void Resolve(SensorOptions options, Func<string, string> resolvePath);

    /// <summary>Checks the options; each problem names its key relative to the sensor's section (<c>Path: ...</c>).</summary>
    IEnumerable<string> Validate(SensorOptions options);

    /// <summary>Makes the shared sensor; nothing is opened until a consumer subscribes.</summary>
    ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure);
}
