using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sensact.Devices.Camera.Tensors;

/// <summary>
/// Turns any <see cref="ImageFrame"/> (<see cref="ImagePixelFormat.Rgb24"/>, <see cref="ImagePixelFormat.Gray8"/>,
/// <see cref="ImagePixelFormat.Yuyv"/>) into a model's input tensor (<see cref="TensorLayout"/>): resized,
/// colour-converted, normalised and written planar into a caller's span.
/// </summary>
/// <remarks>
/// <para>
/// The resampling is separable, vertical first: for each output row, the source rows under it are mixed
/// byte by byte into one row of floats (vectorised with <see cref="Vector{T}"/>; the mix does not care what
/// the bytes mean), that row is resampled across to the tensor's width in the source's own channels (Y, U
/// and V for YUYV), and the colour conversion and normalisation follow, vectorised again. When shrinking,
/// the scalar part works on output rows only. A YUYV image is converted to RGB once per output pixel,
/// after resampling (resampling is linear and the BT.601 conversion affine, so the order changes nothing
/// but the clamping to 0-255, which comes last). Gray images fill the three planes with the same values.
/// </para>
/// <para>
/// A YUYV pixel takes the U and V of its pair (4:2:2 chroma repeated, not interpolated). YUYV is read as
/// BT.601 limited range: <c>R = 1.164 (Y - 16) + 1.596 (V - 128)</c>,
/// <c>G = 1.164 (Y - 16) - 0.392 (U - 128) - 0.813 (V - 128)</c>, <c>B = 1.164 (Y - 16) + 2.017 (U - 128)</c>.
/// </para>
/// <para>
/// The filter tables and two scratch rows are made for the first frame and again only when the frame's
/// size or format changes: converting frames of one size allocates nothing. An instance is not
/// thread-safe; give each consumer its own.
/// </para>
/// </remarks>
public sealed class ImageTensorConverter
{
    private const float YScale = 1.164383f;
    private const float RFromV = 1.596027f;
    private const float GFromU = 0.391762f;
    private const float GFromV = 0.812968f;
    private const float BFromU = 2.017232f;

    // Scale and bias of red, green and blue (v' = v * scale + bias), and the planes red and blue go to.
    private readonly float _redScale, _greenScale, _blueScale, _redBias, _greenBias, _blueBias;
    private readonly int _redPlane, _bluePlane;
    private ResampleAxis? _columns;
    private ResampleAxis? _rows;
    private ImagePixelFormat _format;
    private int _channels;
    private float[] _mixedRow = [];
    private float[] _resampled = [];

    /// <summary>Creates a converter for one tensor layout.</summary>
    /// <param name="layout">The model's input layout; its values are copied now.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="layout"/> is not valid (see <see cref="TensorLayout.Validate"/>).</exception>
    public ImageTensorConverter(TensorLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var errors = layout.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The tensor layout is not valid: {string.Join(" ", errors)}", nameof(layout));
        }

        Layout = layout;
        Width = layout.Width;
        Height = layout.Height;
        Resize = layout.Resize;

        // v' = (v - mean) / std = v * (1 / std) - mean / std.
        (_redScale, _redBias) = (1f / layout.Std[0], -layout.Mean[0] / layout.Std[0]);
        (_greenScale, _greenBias) = (1f / layout.Std[1], -layout.Mean[1] / layout.Std[1]);
        (_blueScale, _blueBias) = (1f / layout.Std[2], -layout.Mean[2] / layout.Std[2]);
        (_redPlane, _bluePlane) = layout.ChannelOrder == ChannelOrder.Rgb ? (0, 2) : (2, 0);
    }

    /// <summary>Gets the layout the converter writes.</summary>
    public TensorLayout Layout { get; }

    /// <summary>Gets the tensor's width.</summary>
    public int Width { get; }

    /// <summary>Gets the tensor's height.</summary>
    public int Height { get; }

    /// <summary>Gets the number of floats one conversion writes: <c>3 * Height * Width</c>.</summary>
    public int Length => 3 * Width * Height;

    private ResizeMode Resize { get; }

    /// <summary>Converts <paramref name="frame"/> into <paramref name="destination"/>.</summary>
    /// <remarks>The frame is only read; the caller keeps its reference and releases it as before.</remarks>
    /// <param name="frame">The image; its pixels must still be referenced.</param>
    /// <param name="destination">At least <see cref="Length"/> floats: plane 0 row 0, plane 0 row 1, ..., plane 2 last row.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Length"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The frame's format is not one the converter reads.</exception>
    /// <exception cref="ObjectDisposedException">The frame's reference was already released.</exception>
    public void Convert(in ImageFrame frame, Span<float> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"The tensor needs {Length} floats (3 x {Height} x {Width}); the destination holds {destination.Length}.", nameof(destination));
        }

        Plan(frame);
        ReadOnlySpan<byte> pixels = frame.Pixels.Span;
        var rows = _rows!;
        var taps = rows.Taps;
        var planeSize = Width * Height;
        var rowBytes = frame.Width * frame.BytesPerPixel;
        var mixed = _mixedRow.AsSpan(0, rowBytes);
        for (var y = 0; y < Height; y++)
        {
            var start = rows.Starts[y];
            var weights = rows.Weights.AsSpan(y * taps, taps);
            RowMixing.Scale(pixels.Slice(start * frame.Stride, rowBytes), weights[0], mixed);
            for (var k = 1; k < taps; k++)
            {
                if (weights[k] != 0)
                {
                    RowMixing.AddScaled(pixels.Slice((start + k) * frame.Stride, rowBytes), weights[k], mixed);
                }
            }

            switch (_format)
            {
                case ImagePixelFormat.Rgb24:
                    ResampleRgb(mixed, _columns!, _resampled, Width);
                    break;
                case ImagePixelFormat.Gray8:
                    ResampleGray(mixed, _columns!, _resampled, Width);
                    break;
                default:
                    ResampleYuyv(mixed, _columns!, _resampled, Width);
                    break;
            }

            var offset = y * Width;
            WriteRow(
                destination.Slice((_redPlane * planeSize) + offset, Width),
                destination.Slice(planeSize + offset, Width),
                destination.Slice((_bluePlane * planeSize) + offset, Width));
        }
    }

    private void Plan(in ImageFrame frame)
    {
        if (_columns is not null && _columns.Source == frame.Width && _rows!.Source == frame.Height && _format == frame.Format)
        {
            return;
        }

        _channels = frame.Format switch
        {
            ImagePixelFormat.Rgb24 or ImagePixelFormat.Yuyv => 3,
            ImagePixelFormat.Gray8 => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(frame), frame.Format, "The converter reads Rgb24, Gray8 and Yuyv frames."),
        };
        _format = frame.Format;
        _columns = ResampleAxis.Create(frame.Width, Width, Resize);
        _rows = ResampleAxis.Create(frame.Height, Height, Resize);
        _mixedRow = new float[frame.Width * frame.BytesPerPixel];
        _resampled = new float[Width * _channels];
    }

    // The loops below index through refs: the tables were built for this source width, so every index is
    // inside the row (ResampleAxis keeps Starts[x] + Taps <= source width), and bounds checks would cost
    // more than the arithmetic. Each writes one plane per channel into target.
    private static void ResampleRgb(ReadOnlySpan<float> source, ResampleAxis axis, float[] target, int width)
    {
        var taps = axis.Taps;
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(axis.Weights);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(axis.Starts);
        ref var r = ref MemoryMarshal.GetArrayDataReference(target);
        ref var g = ref Unsafe.Add(ref r, width);
        ref var b = ref Unsafe.Add(ref r, 2 * width);
        for (var x = 0; x < width; x++)
        {
            float red = 0, green = 0, blue = 0;
            var at = Unsafe.Add(ref starts, x) * 3;
            for (var k = 0; k < taps; k++, at += 3)
            {
                var w = Unsafe.Add(ref weight, (x * taps) + k);
                red += w * Unsafe.Add(ref src, at);
                green += w * Unsafe.Add(ref src, at + 1);
                blue += w * Unsafe.Add(ref src, at + 2);
            }

            Unsafe.Add(ref r, x) = red;
            Unsafe.Add(ref g, x) = green;
            Unsafe.Add(ref b, x) = blue;
        }
    }

    private static void ResampleGray(ReadOnlySpan<float> source, ResampleAxis axis, float[] target, int width)
    {
        var taps = axis.Taps;
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(axis.Weights);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(axis.Starts);
        ref var gray = ref MemoryMarshal.GetArrayDataReference(target);
        for (var x = 0; x < width; x++)
        {
            float v = 0;
            var at = Unsafe.Add(ref starts, x);
            for (var k = 0; k < taps; k++)
            {
                v += Unsafe.Add(ref weight, (x * taps) + k) * Unsafe.Add(ref src, at + k);
            }

            Unsafe.Add(ref gray, x) = v;
        }
    }

    private static void ResampleYuyv(ReadOnlySpan<float> source, ResampleAxis axis, float[] target, int width)
    {
        var taps = axis.Taps;
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(axis.Weights);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(axis.Starts);
        ref var luma = ref MemoryMarshal.GetArrayDataReference(target);
        ref var blueDiff = ref Unsafe.Add(ref luma, width);
        ref var redDiff = ref Unsafe.Add(ref luma, 2 * width);
        for (var x = 0; x < width; x++)
        {
            float y = 0, u = 0, v = 0;
            var pixel = Unsafe.Add(ref starts, x);
            for (var k = 0; k < taps; k++, pixel++)
            {
                // Y of the pixel; U and V of its pair (bytes 1 and 3 of the 4-byte pair).
                var w = Unsafe.Add(ref weight, (x * taps) + k);
                var pair = (pixel >> 1) << 2;
                y += w * Unsafe.Add(ref src, pixel << 1);
                u += w * Unsafe.Add(ref src, pair + 1);
                v += w * Unsafe.Add(ref src, pair + 3);
            }

            Unsafe.Add(ref luma, x) = y;
            Unsafe.Add(ref blueDiff, x) = u;
            Unsafe.Add(ref redDiff, x) = v;
        }
    }

    /// <summary>Turns the resampled row (one plane per source channel) into normalised red, green and blue.</summary>
    private void WriteRow(Span<float> red, Span<float> green, Span<float> blue)
    {
        var width = Width;
        ReadOnlySpan<float> c0 = _resampled.AsSpan(0, width);
        ReadOnlySpan<float> c1 = _channels == 3 ? _resampled.AsSpan(width, width) : c0;
        ReadOnlySpan<float> c2 = _channels == 3 ? _resampled.AsSpan(2 * width, width) : c0;
        var x = 0;
        if (_format == ImagePixelFormat.Yuyv)
        {
            if (Vector.IsHardwareAccelerated)
            {
                x = YuvToRgbVector(c0, c1, c2, red, green, blue);
            }

            for (; x < width; x++)
            {
                var luma = YScale * (c0[x] - 16f);
                var u = c1[x] - 128f;
                var v = c2[x] - 128f;
                red[x] = (Math.Clamp(luma + (RFromV * v), 0f, 255f) * _redScale) + _redBias;
                green[x] = (Math.Clamp(luma - (GFromU * u) - (GFromV * v), 0f, 255f) * _greenScale) + _greenBias;
                blue[x] = (Math.Clamp(luma + (BFromU * u), 0f, 255f) * _blueScale) + _blueBias;
            }

            return;
        }

        if (Vector.IsHardwareAccelerated)
        {
            var (rs, gs, bs) = (new Vector<float>(_redScale), new Vector<float>(_greenScale), new Vector<float>(_blueScale));
            var (rb, gb, bb) = (new Vector<float>(_redBias), new Vector<float>(_greenBias), new Vector<float>(_blueBias));
            for (; x <= width - Vector<float>.Count; x += Vector<float>.Count)
            {
                ((new Vector<float>(c0[x..]) * rs) + rb).CopyTo(red[x..]);
                ((new Vector<float>(c1[x..]) * gs) + gb).CopyTo(green[x..]);
                ((new Vector<float>(c2[x..]) * bs) + bb).CopyTo(blue[x..]);
            }
        }

        for (; x < width; x++)
        {
            red[x] = (c0[x] * _redScale) + _redBias;
            green[x] = (c1[x] * _greenScale) + _greenBias;
            blue[x] = (c2[x] * _blueScale) + _blueBias;
        }
    }

    /// <summary>The vector part of a YUV row; returns how many pixels it wrote.</summary>
    private int YuvToRgbVector(ReadOnlySpan<float> luma, ReadOnlySpan<float> blueDiff, ReadOnlySpan<float> redDiff, Span<float> red, Span<float> green, Span<float> blue)
    {
        var (low, high) = (Vector<float>.Zero, new Vector<float>(255f));
        var (y16, c128) = (new Vector<float>(16f), new Vector<float>(128f));
        var (ys, rv, gu, gv, bu) = (new Vector<float>(YScale), new Vector<float>(RFromV), new Vector<float>(GFromU), new Vector<float>(GFromV), new Vector<float>(BFromU));
        var (rs, gs, bs) = (new Vector<float>(_redScale), new Vector<float>(_greenScale), new Vector<float>(_blueScale));
        var (rb, gb, bb) = (new Vector<float>(_redBias), new Vector<float>(_greenBias), new Vector<float>(_blueBias));
        var x = 0;
        for (; x <= luma.Length - Vector<float>.Count; x += Vector<float>.Count)
        {
            var y = ys * (new Vector<float>(luma[x..]) - y16);
            var u = new Vector<float>(blueDiff[x..]) - c128;
            var v = new Vector<float>(redDiff[x..]) - c128;
            ((Vector.Min(Vector.Max(y + (rv * v), low), high) * rs) + rb).CopyTo(red[x..]);
            ((Vector.Min(Vector.Max(y - (gu * u) - (gv * v), low), high) * gs) + gb).CopyTo(green[x..]);
            ((Vector.Min(Vector.Max(y + (bu * u), low), high) * bs) + bb).CopyTo(blue[x..]);
        }

        return x;
    }
}
