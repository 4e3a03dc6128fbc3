using Sensact.Devices.Sensors;

namespace Sensact.Devices.Camera.V4l2;

/// <summary>
/// Settings of the <c>v4l2</c> driver (a USB webcam or any Video4Linux2 capture device):
/// <c>Sensors:{name}:Device</c>, <c>Width</c>, <c>Height</c>, <c>PixelFormat</c> and <c>FrameRateHz</c>.
/// </summary>
public sealed class V4l2CameraOptions : SensorOptions
{
    /// <summary>Gets or sets the device node: <c>/dev/video0</c>, or a stable name under <c>/dev/v4l/by-id/</c>.</summary>
    public string Device { get; set; } = "/dev/video0";

    /// <summary>Gets or sets the frame width asked for; the driver may pick the nearest it supports (logged).</summary>
    public int Width { get; set; } = 640;

    /// <summary>Gets or sets the frame height asked for.</summary>
    public int Height { get; set; } = 480;

    /// <summary>Gets or sets what the camera delivers: <see cref="CameraCaptureFormat.Yuyv"/> (handed on as is) or <see cref="CameraCaptureFormat.Mjpeg"/> (decoded to RGB).</summary>
    public CameraCaptureFormat PixelFormat { get; set; } = CameraCaptureFormat.Yuyv;

    /// <summary>Gets or sets the frames per second asked for; the driver may pick the nearest it supports (logged).</summary>
    public double FrameRateHz { get; set; } = 30;

    /// <summary>Copies the options, so that a source keeps the values it was created with.</summary>
    /// <returns>A copy.</returns>
    public V4l2CameraOptions Copy() => (V4l2CameraOptions)MemberwiseClone();

    /// <summary>Checks the values, naming each bad one by its key.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Device))
        {
            errors.Add("Device must name a video device such as /dev/video0 (got an empty value).");
        }

        if (!Enum.IsDefined(PixelFormat))
        {
            errors.Add($"PixelFormat must be Yuyv or Mjpeg (got {PixelFormat}).");
        }

        CameraOptionChecks.CheckSize(errors, Width, Height, evenWidth: PixelFormat == CameraCaptureFormat.Yuyv);
        CameraOptionChecks.CheckFrameRate(errors, FrameRateHz);
        return errors;
    }
}
