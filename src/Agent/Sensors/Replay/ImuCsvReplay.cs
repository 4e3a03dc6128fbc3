using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Imu;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors.Replay;

/// <summary>IMU recordings in CSV (one file or a data-set folder): the format a path falls back to.</summary>
internal sealed class ImuCsvReplay : IReplayFormat
{
    public string Name => "imu-csv";

    public bool Accepts(string path) => true;

    public IEnumerable<string> Validate(ReplayOptions options)
    {
        if (ImuReplaySource.FindProblem(options.Path) is { } nothingToPlay)
        {
            // A replay with nothing to replay would idle online or retry forever: refuse it at start.
            yield return $"Path: {nothingToPlay}";
        }
    }

    public ISharedSensor Create(string name, ReplayOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var source = new ImuReplaySource(name, options, scheduler, logging.CreateLogger<ImuReplaySource>());
        return new SharedSensor<ImuSample>(source, SensorRecovery.Default, scheduler, onFailure);
    }
}
