namespace Sensact.Devices.Camera;

/// <summary>What a camera is asked to deliver (<c>Sensors:{name}:PixelFormat</c> of the <c>v4l2</c> driver).</summary>
public enum CameraCaptureFormat
{
    /// <summary>Uncompressed YUYV 4:2:2; frames are handed on as <see cref="ImagePixelFormat.Yuyv"/> without conversion.</summary>
    Yuyv,

    /// <summary>Motion JPEG; each frame is decoded to <see cref="ImagePixelFormat.Rgb24"/> on arrival.</summary>
    Mjpeg,
}
