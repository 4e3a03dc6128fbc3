using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors.Replay;

/// <summary>
/// One kind of recording the <c>replay</c> driver plays (IMU CSV, WAV, image folders, MCAP),
/// told apart by the replay's <c>Path</c>.
/// </summary>
internal interface IReplayFormat
{
    /// <summary>Gets the format's name, for messages and the birth (for example <c>imu-csv</c>).</summary>
    string Name { get; }

    /// <summary>Tells whether <paramref name="path"/> (resolved, maybe missing) is a recording of this format.</summary>
    bool Accepts(string path);

    /// <summary>Checks, before the agent starts, that the path holds something to replay.</summary>
    /// <returns>Each problem, naming its key relative to the sensor's section (<c>Path: ...</c>).</returns>
    IEnumerable<string> Validate(ReplayOptions options);

    /// <summary>Makes the shared sensor; nothing is read until a consumer subscribes.</summary>
    ISharedSensor Create(string name, ReplayOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure);
}
