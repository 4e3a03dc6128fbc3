namespace Sensact.Simulators.Scenes;

/// <summary>
/// Stateless seeded randomness: every draw is a hash of (seed, purpose, index), so a scene script is
/// a pure function of its seed and the scene time, and any two sensors of a scene agree.
/// </summary>
internal static class SceneRandom
{
    /// <summary>A well-mixed 64-bit value of the three inputs (SplitMix64's finaliser, applied in turn).</summary>
    public static ulong Hash(int seed, ulong purpose, long index)
    {
        var h = Mix(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ purpose);
        return Mix(h ^ (ulong)index);
    }

    /// <summary>A uniform value in [0, 1).</summary>
    public static double Uniform(int seed, ulong purpose, long index) => (Hash(seed, purpose, index) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform value in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double Between(int seed, ulong purpose, long index, double low, double high) =>
        low + ((high - low) * Uniform(seed, purpose, index));

    /// <summary>A standard normal value (Box–Muller on two hashed uniforms).</summary>
    public static double Gaussian(int seed, ulong purpose, long index)
    {
        var u1 = 1.0 - Uniform(seed, purpose, 2 * index);
        var u2 = Uniform(seed, purpose, (2 * index) + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
