namespace Sensact.Devices.Camera.Tensors;

/// <summary>How an image is resampled to a model's input size.</summary>
public enum ResizeMode
{
    /// <summary>
    /// Bilinear on pixel centres (<c>x_src = (x + 0.5) * scale - 0.5</c>, edges clamped): two source pixels
    /// a side. The same as OpenCV's <c>INTER_LINEAR</c> and ONNX <c>Resize</c> with <c>half_pixel</c>; it skips
    /// source pixels when shrinking by more than 2.
    /// </summary>
    Bilinear,

    /// <summary>
    /// Area (box) average when shrinking: each output pixel is the mean of the source area it covers, every
    /// source pixel counted by its overlap (OpenCV's <c>INTER_AREA</c>); no aliasing at any scale. When
    /// enlarging along an axis, that axis is bilinear.
    /// </summary>
    Area,
}
