using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Agent.Sensors.Replay;
using Sensact.Devices.Replay;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// The <c>replay</c> driver: a recording replayed in real time, at a speed factor or as fast as
/// possible; its format (<see cref="ReplayFormats"/>) is told by the path.
/// </summary>
internal sealed class ReplayDriver : ISensorDriver
{
    public string Name => "replay";

    public Type OptionsType => typeof(ReplayOptions);

    public string? RateKey => nameof(ReplayOptions.SampleRateHz);

    public void Resolve(SensorOptions options, Func<string, string> resolvePath)
    {
        var replay = (ReplayOptions)options;
        if (!string.IsNullOrWhiteSpace(replay.Path))
        {
            replay.Path = resolvePath(replay.Path);
        }
    }

    public IEnumerable<string> Validate(SensorOptions options)
    {
        var replay = (ReplayOptions)options;
        var problems = replay.Validate().ToList();
        return problems.Count > 0 ? problems : ReplayFormats.Of(replay.Path).Validate(replay);
    }

    public ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var replay = (ReplayOptions)options;
        return ReplayFormats.Of(replay.Path).Create(name, replay, scheduler, logging, onFailure);
    }
}
