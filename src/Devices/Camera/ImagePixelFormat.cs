namespace Sensact.Devices.Camera;

/// <summary>The memory layout of an <see cref="ImageFrame"/>'s pixels.</summary>
public enum ImagePixelFormat
{
    /// <summary>8 bits per channel, red, green, blue, rows top to bottom.</summary>
    Rgb24,

    /// <summary>8 bits per pixel, one luminance channel.</summary>
    Gray8,
}
