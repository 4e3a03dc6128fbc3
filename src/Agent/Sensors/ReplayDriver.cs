using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Imu;
using Sensact.Devices.Replay;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>The <c>replay</c> driver: IMU recordings (CSV) replayed in real time or faster.</summary>
internal sealed class ReplayDriver : ISensorDriver
{
    public string Name => "replay";

    public Type OptionsType => typeof(ImuReplayOptions);

    public void Resolve(SensorOptions options, Func<string, string> resolvePath)
    {
        var replay = (ImuReplayOptions)options;
        if (!string.IsNullOrWhiteSpace(replay.Path))
        {
            replay.Path = resolvePath(replay.Path);
        }
    }

    public IEnumerable<string> Validate(SensorOptions options)
    {
        var replay = (ImuReplayOptions)options;
        var problems = replay.Validate().ToList();
        if (problems.Count == 0 && ImuReplaySource.FindProblem(replay.Path) is { } nothingToPlay)
        {
            // A replay with nothing to replay would idle online or retry forever: refuse it at start.
            problems.Add($"Path: {nothingToPlay}");
        }

        return problems;
    }

    public ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var source = new ImuReplaySource(name, (ImuReplayOptions)options, scheduler, logging.CreateLogger<ImuReplaySource>());
        return new SharedSensor<ImuSample>(source, SensorRecovery.Default, scheduler, onFailure);
    }
}
