namespace Sensact.Devices.Camera.Tensors;

/// <summary>
/// How one axis of an image is resampled: output pixel <c>i</c> is the sum over <c>k &lt; Taps</c> of
/// <c>Weights[i * Taps + k] * source[Starts[i] + k]</c>. Every output pixel has the same number of taps
/// (unused ones weigh 0), and <c>Starts</c> never decreases, so a caller can keep the last <c>Taps</c>
/// source rows and compute each one once.
/// </summary>
internal sealed class ResampleAxis
{
    private ResampleAxis(int source, int target, int taps)
    {
        Source = source;
        Target = target;
        Taps = taps;
        Starts = new int[target];
        Weights = new float[target * taps];
    }

    public int Source { get; }

    public int Target { get; }

    public int Taps { get; }

    public int[] Starts { get; }

    public float[] Weights { get; }

    /// <summary>Plans the resampling of <paramref name="source"/> pixels to <paramref name="target"/>.</summary>
    public static ResampleAxis Create(int source, int target, ResizeMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target);
        var scale = (double)source / target;
        return mode == ResizeMode.Area && scale > 1 ? Area(source, target, scale) : Bilinear(source, target, scale);
    }

    private static ResampleAxis Bilinear(int source, int target, double scale)
    {
        var axis = new ResampleAxis(source, target, Math.Min(2, source));
        for (var i = 0; i < target; i++)
        {
            var centre = Math.Clamp(((i + 0.5) * scale) - 0.5, 0, source - 1);
            var left = (int)centre;
            var right = (float)(centre - left);
            if (axis.Taps == 1)
            {
                axis.Weights[i] = 1f;
                continue;
            }

            if (left == source - 1)
            {
                // The last pixel: keep two taps inside the image, all weight on the second.
                left--;
                right = 1f;
            }

            axis.Starts[i] = left;
            axis.Weights[2 * i] = 1f - right;
            axis.Weights[(2 * i) + 1] = right;
        }

        return axis;
    }

    private static ResampleAxis Area(int source, int target, double scale)
    {
        // As many taps as the widest output pixel covers (2 for an exact halving, not 3).
        var taps = 1;
        for (var i = 0; i < target; i++)
        {
            var covered = (int)Math.Ceiling(Math.Min(source, (i + 1) * scale) - 1e-9) - (int)(i * scale);
            taps = Math.Max(taps, covered);
        }

        taps = Math.Min(source, taps);
        var axis = new ResampleAxis(source, target, taps);
        for (var i = 0; i < target; i++)
        {
            var from = i * scale;
            var to = Math.Min(source, (i + 1) * scale);
            var start = Math.Min((int)from, source - taps);
            axis.Starts[i] = start;
            for (var k = 0; k < taps; k++)
            {
                var overlap = Math.Min(to, start + k + 1) - Math.Max(from, start + k);
                axis.Weights[(i * taps) + k] = overlap > 0 ? (float)(overlap / scale) : 0f;
            }
        }

        return axis;
    }
}
