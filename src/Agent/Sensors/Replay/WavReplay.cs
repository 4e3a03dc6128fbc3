using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Audio;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors.Replay;

/// <summary>WAV files (a <c>*.wav</c> path, or a folder holding them): audio periods in pooled buffers.</summary>
internal sealed class WavReplay : IReplayFormat
{
    public string Name => "wav";

    public bool Accepts(string path) => WavReplaySource.IsWavPath(path);

    public IEnumerable<string> Validate(ReplayOptions options)
    {
        if (WavReplaySource.FindProblem(options) is { } nothingToPlay)
        {
            yield return $"Path: {nothingToPlay}";
        }
    }

    public ISharedSensor Create(string name, ReplayOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var source = new WavReplaySource(name, options, scheduler, logging.CreateLogger<WavReplaySource>());
        return new SharedSensor<AudioChunk>(source, SensorRecovery.Default, scheduler, onFailure);
    }
}
