using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Rpicam;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// The <c>rpicam</c> driver: a Raspberry Pi camera module through <c>rpicam-vid</c> (<c>Sensors:{name}:Command</c>,
/// <c>Width</c>, <c>Height</c>, <c>FrameRateHz</c>, <c>Arguments</c>); a command that cannot be found stops the start.
/// </summary>
internal sealed class RpicamDriver : ISensorDriver
{
    public string Name => "rpicam";

    public Type OptionsType => typeof(RpicamOptions);

    public void Resolve(SensorOptions options, Func<string, string> resolvePath)
    {
        // A bare name is looked up on PATH; only a relative path with a folder is resolved like other paths.
        var rpicam = (RpicamOptions)options;
        if (!string.IsNullOrWhiteSpace(rpicam.Command) && rpicam.Command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(rpicam.Command))
        {
            rpicam.Command = resolvePath(rpicam.Command);
        }
    }

    public IEnumerable<string> Validate(SensorOptions options)
    {
        var rpicam = (RpicamOptions)options;
        var problems = rpicam.Validate().ToList();
        if (problems.Count == 0 && !CommandExists(rpicam.Command))
        {
            problems.Add(
                $"Command: '{rpicam.Command}' was not found{(rpicam.Command.Contains('/', StringComparison.Ordinal) ? string.Empty : " on PATH")}; " +
                "install rpicam-apps (sudo apt install rpicam-apps) on a Raspberry Pi, or use the v4l2 driver for a USB camera.");
        }

        return problems;
    }

    public ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var source = new RpicamSource(name, (RpicamOptions)options, scheduler: scheduler, logger: logging.CreateLogger<RpicamSource>());
        return new SharedSensor<ImageFrame>(source, SensorRecovery.Default, scheduler, onFailure);
    }

    private static bool CommandExists(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(command);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, command)));
    }
}
