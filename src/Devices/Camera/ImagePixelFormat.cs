namespace Sensact.Devices.Camera;

/// <summary>The memory layout of an <see cref="ImageFrame"/>'s pixels.</summary>
public enum ImagePixelFormat
{
    /// <summary>8 bits per channel, red, green, blue, rows top to bottom.</summary>
    Rgb24,

    /// <summary>8 bits per pixel, one luminance channel.</summary>
    Gray8,

    /// <summary>
    /// YUYV (YUY2, V4L2 <c>YUYV</c>), 4:2:2: 2 bytes per pixel, each pair of pixels stored as
    /// <c>Y0 U Y1 V</c> and sharing one U and one V; the width is even. Values follow BT.601 in limited
    /// range (Y 16-235, U and V 16-240), as V4L2 delivers YUYV by default.
    /// </summary>
    Yuyv,
}
