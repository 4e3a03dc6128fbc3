using static System.FormattableString;

namespace Sensact.Devices.Camera.Tensors;

/// <summary>
/// What a vision model wants as input: one image as a planar (NCHW, N = 1) float tensor of
/// <c>3 x Height x Width</c>, planes in <see cref="ChannelOrder"/>, each value <c>(v - Mean[c]) / Std[c]</c>
/// where <c>v</c> is the 0-255 channel value.
/// </summary>
public sealed class TensorLayout
{
    /// <summary>
    /// UltraFace 320 (<c>version-RFB-320</c>, <c>version-slim-320</c>): 320 x 240, RGB, <c>(v - 127) / 128</c>.
    /// </summary>
    public static TensorLayout UltraFace320 { get; } = new()
    {
        Width = 320,
        Height = 240,
        ChannelOrder = ChannelOrder.Rgb,
        Mean = [127f, 127f, 127f],
        Std = [128f, 128f, 128f],
    };

    /// <summary>Gets the tensor's width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Gets the tensor's height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Gets the order of the three planes.</summary>
    public ChannelOrder ChannelOrder { get; init; } = ChannelOrder.Rgb;

    /// <summary>Gets how the image is resampled to <see cref="Width"/> x <see cref="Height"/>.</summary>
    public ResizeMode Resize { get; init; } = ResizeMode.Bilinear;

    /// <summary>Gets the value subtracted from red, green and blue (in that order, whatever <see cref="ChannelOrder"/>), on the 0-255 scale.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [0f, 0f, 0f];

    /// <summary>Gets the divisor of red, green and blue (in that order), on the 0-255 scale; 255 maps to 0-1.</summary>
    public IReadOnlyList<float> Std { get; init; } = [1f, 1f, 1f];

    /// <summary>Gets the number of floats in one tensor: <c>3 * Height * Width</c>.</summary>
    public int Length => 3 * Width * Height;

    /// <summary>Checks the values.</summary>
    /// <returns>One message per bad value; empty when the layout is valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (Width <= 0 || Height <= 0 || (long)Width * Height * 3 > Array.MaxLength)
        {
            errors.Add(Invariant($"Width and Height must be positive and fit one array (got {Width} x {Height})."));
        }

        if (!Enum.IsDefined(ChannelOrder))
        {
            errors.Add(Invariant($"ChannelOrder must be Rgb or Bgr (got {(int)ChannelOrder})."));
        }

        if (!Enum.IsDefined(Resize))
        {
            errors.Add(Invariant($"Resize must be Bilinear or Area (got {(int)Resize})."));
        }

        if (Mean is not { Count: 3 } || Mean.Any(value => !float.IsFinite(value)))
        {
            errors.Add("Mean must hold three finite numbers (red, green, blue).");
        }

        if (Std is not { Count: 3 } || Std.Any(value => !float.IsFinite(value) || value == 0))
        {
            errors.Add("Std must hold three finite numbers other than 0 (red, green, blue).");
        }

        return errors;
    }
}
