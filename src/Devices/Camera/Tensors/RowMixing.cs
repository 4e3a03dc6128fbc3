using System.Numerics;

namespace Sensact.Devices.Camera.Tensors;

/// <summary>Weighted sums of byte rows into a float row, vectorised: the vertical half of a resize.</summary>
internal static class RowMixing
{
    /// <summary><c>target[i] = weight * source[i]</c>.</summary>
    public static void Scale(ReadOnlySpan<byte> source, float weight, Span<float> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            for (; i <= source.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Widen(new Vector<byte>(source[i..]), out var a, out var b, out var c, out var d);
                var step = Vector<float>.Count;
                (a * w).CopyTo(target[i..]);
                (b * w).CopyTo(target[(i + step)..]);
                (c * w).CopyTo(target[(i + (2 * step))..]);
                (d * w).CopyTo(target[(i + (3 * step))..]);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] = weight * source[i];
        }
    }

    /// <summary><c>target[i] += weight * source[i]</c>.</summary>
    public static void AddScaled(ReadOnlySpan<byte> source, float weight, Span<float> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            var step = Vector<float>.Count;
            for (; i <= source.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Widen(new Vector<byte>(source[i..]), out var a, out var b, out var c, out var d);
                (new Vector<float>(target[i..]) + (a * w)).CopyTo(target[i..]);
                (new Vector<float>(target[(i + step)..]) + (b * w)).CopyTo(target[(i + step)..]);
                (new Vector<float>(target[(i + (2 * step))..]) + (c * w)).CopyTo(target[(i + (2 * step))..]);
                (new Vector<float>(target[(i + (3 * step))..]) + (d * w)).CopyTo(target[(i + (3 * step))..]);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] += weight * source[i];
        }
    }

    private static void Widen(Vector<byte> bytes, out Vector<float> a, out Vector<float> b, out Vector<float> c, out Vector<float> d)
    {
        Vector.Widen(bytes, out var low, out var high);
        Vector.Widen(low, out var lowLow, out var lowHigh);
        Vector.Widen(high, out var highLow, out var highHigh);
        a = Vector.ConvertToSingle(lowLow);
        b = Vector.ConvertToSingle(lowHigh);
        c = Vector.ConvertToSingle(highLow);
        d = Vector.ConvertToSingle(highHigh);
    }
}
