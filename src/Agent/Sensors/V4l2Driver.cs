using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.V4l2;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Sensors;

/// <summary>
/// The <c>v4l2</c> driver: a Video4Linux2 camera (<c>Sensors:{name}:Device</c>, <c>Width</c>, <c>Height</c>,
/// <c>PixelFormat</c>, <c>FrameRateHz</c>); a device that does not open stops the start naming it.
/// </summary>
internal sealed class V4l2Driver : ISensorDriver
{
    public string Name => "v4l2";

    public Type OptionsType => typeof(V4l2CameraOptions);

    public void Resolve(SensorOptions options, Func<string, string> resolvePath)
    {
        // Device paths are absolute (/dev/...); nothing to resolve.
    }

    public IEnumerable<string> Validate(SensorOptions options)
    {
        var camera = (V4l2CameraOptions)options;
        var problems = camera.Validate().ToList();
        if (problems.Count == 0 && V4l2CameraSource.FindProblem(camera.Device) is { } unusable)
        {
            problems.Add($"Device: {unusable}");
        }

        return problems;
    }

    public ISharedSensor Create(string name, SensorOptions options, IScheduler scheduler, ILoggerFactory logging, Action<Exception, int, TimeSpan> onFailure)
    {
        var source = new V4l2CameraSource(name, (V4l2CameraOptions)options, scheduler: scheduler, logger: logging.CreateLogger<V4l2CameraSource>());
        return new SharedSensor<ImageFrame>(source, SensorRecovery.Default, scheduler, onFailure);
    }
}
