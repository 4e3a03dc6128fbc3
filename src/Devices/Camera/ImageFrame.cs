namespace Sensact.Devices.Camera;

/// <summary>The memory layout of an <see cref="ImageFrame"/>'s pixels.</summary>
public enum ImagePixelFormat
{
    /// <summary>8 bits per channel, red, green, blue, rows top to bottom.</summary>
    Rgb24,

    /// <summary>8 bits per pixel, one luminance channel.</summary>
    Gray8,
}

/// <summary>One camera image.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Format">How the pixels are laid out.</param>
/// <param name="Pixels">The pixel bytes, rows without padding.</param>
public sealed record ImageFrame(int Width, int Height, ImagePixelFormat Format, ReadOnlyMemory<byte> Pixels);
