using System.Numerics;

namespace Sensact.Devices.Buffers;

/// <summary>
/// The array lengths a <see cref="BufferPool{T}"/> allocates: 16, then four steps per power of two
/// (2^k, 1.25·2^k, 1.5·2^k, 1.75·2^k), so a rented buffer wastes less than a quarter of its array
/// while lengths that differ a little (audio periods of 940 and 960 samples) still share arrays.
/// </summary>
internal static class BufferSizeClasses
{
    /// <summary>The smallest array the pool allocates.</summary>
    internal const int MinimumLength = 16;

    private const int MinimumLog2 = 4;

    /// <summary>The number of classes: up to the class that holds <see cref="Array.MaxLength"/>.</summary>
    internal static readonly int Count = ClassOf(Array.MaxLength) + 1;

    /// <summary>Gets the class of the smallest array that holds <paramref name="length"/> elements.</summary>
    internal static int ClassOf(int length)
    {
        if (length <= MinimumLength)
        {
            return 0;
        }

        // 2^k < length <= 2^(k+1); the quarter step j in 1..4 rounds up (j = 4 is class (k+1, 0)).
        var k = BitOperations.Log2((uint)(length - 1));
        var shift = k - 2;
        var j = (length - (1 << k) + (1 << shift) - 1) >> shift;
        return (4 * (k - MinimumLog2)) + j;
    }

    /// <summary>Gets the array length of class <paramref name="sizeClass"/>.</summary>
    internal static int LengthOf(int sizeClass)
    {
        var k = MinimumLog2 + (sizeClass / 4);
        var j = sizeClass % 4;
        return (int)Math.Min((long)(4 + j) << (k - 2), Array.MaxLength);
    }
}
