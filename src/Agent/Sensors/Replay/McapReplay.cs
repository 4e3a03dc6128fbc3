using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors.Replay;

/// <summary>
/// MCAP recordings (<c>*.mcap</c>, as the agent records them): one channel, <c>Channel</c> or the
/// sensor's own name, replayed as the payload type its schema names.
/// </summary>
internal sealed class McapReplay : IReplayFormat
{
    public string Name => "mcap";

    public bool Accepts(string path) => path.EndsWith(".mcap", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate(ReplayOptions options)
    {
        var problems = new List<string>();
        if (Read(options.Path, problems) is { } summary)
        {
            var topic = options.Channel ?? string.Empty;
            if (summary.FindReplayable(topic, out var problem) is not { } channel)
            {
                problems.Add($"Channel: {problem}");
            }
            else if (FrameCodecs.PayloadTypeOf(channel.Schema?.Name ?? string.Empty) is null)
            {
                problems.Add(
                    $"Channel: channel '{channel.Channel.Topic}' has schema '{channel.Schema?.Name}', which Sensact cannot replay " +
                    "(known: sensact.ImuSample/v1, sensact.AudioChunk/v1, sensact.ImageFrame/v1).");
            }
        }

        return problems;
    }

    public ISharedSensor Create(string name, ReplayOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var summary = McapSummary.Read(options.Path);
        var schema = summary.FindReplayable(options.Channel ?? name, out var problem)?.Schema?.Name ?? throw new InvalidDataException(problem);
        var payload = FrameCodecs.PayloadTypeOf(schema);
        if (payload == typeof(ImuSample))
        {
            return Share(new McapReplaySource<ImuSample>(name, options, FrameCodecs.Imu, scheduler, logging.CreateLogger<McapReplaySource<ImuSample>>(), summary));
        }

        if (payload == typeof(AudioChunk))
        {
            return Share(new McapReplaySource<AudioChunk>(name, options, FrameCodecs.Audio(), scheduler, logging.CreateLogger<McapReplaySource<AudioChunk>>(), summary));
        }

        if (payload == typeof(ImageFrame))
        {
            return Share(new McapReplaySource<ImageFrame>(name, options, FrameCodecs.Image(), scheduler, logging.CreateLogger<McapReplaySource<ImageFrame>>(), summary));
        }

        throw new InvalidDataException($"Schema '{schema}' of '{options.Path}' cannot be replayed.");

        SharedSensor<T> Share<T>(McapReplaySource<T> source) => new(source, SensorRecovery.Default, scheduler, onFailure);
    }

    private static McapSummary? Read(string path, List<string> problems)
    {
        try
        {
            return McapSummary.Read(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            problems.Add($"Path: '{path}' cannot be replayed: {error.Message}");
            return null;
        }
    }
}
