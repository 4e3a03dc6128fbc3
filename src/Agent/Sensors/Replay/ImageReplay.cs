using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Camera;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors.Replay;

/// <summary>Still images (one PNG or JPEG, or a folder of them) replayed as camera frames at <c>SampleRateHz</c> frames per second.</summary>
internal sealed class ImageReplay : IReplayFormat
{
    public string Name => "images";

    public bool Accepts(string path) => ImageReplaySource.IsImagePath(path);

    public IEnumerable<string> Validate(ReplayOptions options)
    {
        if (ImageReplaySource.FindProblem(options.Path) is { } problem)
        {
            yield return $"Path: {problem}";
        }
    }

    public ISharedSensor Create(string name, ReplayOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var source = new ImageReplaySource(name, options, scheduler: scheduler, logger: logging.CreateLogger<ImageReplaySource>());
        return new SharedSensor<ImageFrame>(source, SensorRecovery.Default, scheduler, onFailure);
    }
}
