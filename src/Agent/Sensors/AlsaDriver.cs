using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Alsa;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// The <c>alsa</c> driver: a microphone captured through ALSA in fixed-size periods. The device is
/// opened and closed once at start, so that a device that does not exist, is not accessible or does
/// not take the format stops the agent with a message saying what to check.
/// </summary>
internal sealed class AlsaDriver : ISensorDriver
{
    public string Name => "alsa";

    public Type OptionsType => typeof(AlsaCaptureOptions);

    public void Resolve(SensorOptions options, Func<string, string> resolvePath)
    {
        // A device name is not a path.
    }

    public IEnumerable<string> Validate(SensorOptions options)
    {
        var alsa = (AlsaCaptureOptions)options;
        var problems = alsa.Validate().ToList();
        if (problems.Count == 0 && AlsaCaptureSource.FindProblem(alsa) is { } problem)
        {
            problems.Add($"{nameof(AlsaCaptureOptions.Device)}: {problem}");
        }

        return problems;
    }

    public ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        // Frames arrive on the source's capture thread; the sensor's scheduler times the reopening.
        var source = new AlsaCaptureSource(name, (AlsaCaptureOptions)options, TimeProvider.System, logger: logging.CreateLogger<AlsaCaptureSource>());
        return new SharedSensor<AudioChunk>(source, SensorRecovery.Default, scheduler, onFailure);
    }
}
