using System.Numerics;

namespace Sensact.Devices.Buffers;

/// <summary>
/// One pooled array with the state of its references. The slot lives as long as its array: it is
/// recycled with it, and its generation tells the references of one rental from those of the next.
/// </summary>
/// <remarks>
/// The state is one 64-bit word changed only by compare-and-swap: the generation in the high 32 bits,
/// one bit per live reference in the low 32. Each reference owns a bit, so a reference released twice
/// is caught even while other references keep the buffer alive; the last release bumps the
/// generation in the same swap, so every handle of that rental goes stale at once.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class BufferSlot<T>(BufferPool<T> pool, int sizeClass)
{
    /// <summary>How many references to one buffer can be live at once.</summary>
    internal const int MaxReferences = 32;

    private long _state;

    // Where the search for a free reference bit starts: a just-released bit is taken again only after
    // the others, so a stale reference stays detectable for as long as possible. A hint, not state:
    // races on it only change which free bit is chosen.
    private int _nextBit;

    /// <summary>Gets the pool the array goes back to.</summary>
    internal BufferPool<T> Pool { get; } = pool;

    /// <summary>Gets the size class of <see cref="Array"/>.</summary>
    internal int SizeClass { get; } = sizeClass;

    /// <summary>Gets the pooled array.</summary>
    internal T[] Array { get; } = GC.AllocateUninitializedArray<T>(BufferSizeClasses.LengthOf(sizeClass));

    /// <summary>Starts a rental: one reference (bit 0) of the current generation, which is returned.</summary>
    /// <remarks>Only the pool calls this, on a slot no reference is live on, so no swap is needed.</remarks>
    internal int Activate()
    {
        var generation = GenerationOf(Volatile.Read(ref _state));
        Volatile.Write(ref _state, Pack(generation, 1u));
        _nextBit = 1;
        return generation;
    }

    /// <summary>Gets whether reference <paramref name="bit"/> of <paramref name="generation"/> is live.</summary>
    internal bool IsLive(int generation, int bit) => IsLive(Volatile.Read(ref _state), generation, bit);

    /// <summary>Gets whether <paramref name="generation"/> is still the current rental (some reference of it is live).</summary>
    internal bool IsCurrent(int generation) => GenerationOf(Volatile.Read(ref _state)) == generation;

    /// <summary>Adds a reference for the holder of live reference <paramref name="bit"/>.</summary>
    /// <returns>The new reference's bit; -1 when <paramref name="bit"/> is not live; -2 when all bits are taken.</returns>
    internal int AddReference(int generation, int bit)
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (!IsLive(state, generation, bit))
            {
                return -1;
            }

            var free = ~(uint)state;
            if (free == 0)
            {
                return -2;
            }

            var start = _nextBit;
            var added = (start + BitOperations.TrailingZeroCount(BitOperations.RotateRight(free, start))) % MaxReferences;
            if (Interlocked.CompareExchange(ref _state, state | (1L << added), state) == state)
            {
                _nextBit = (added + 1) % MaxReferences;
                return added;
            }
        }
    }

    /// <summary>Removes reference <paramref name="bit"/>.</summary>
    /// <returns>1 when it was the last (the generation moved on), 0 when others remain, -1 when it was not live.</returns>
    internal int RemoveReference(int generation, int bit)
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (!IsLive(state, generation, bit))
            {
                return -1;
            }

            var remaining = (uint)state & ~(1u << bit);
            var next = remaining == 0 ? Pack(unchecked(generation + 1), 0u) : Pack(generation, remaining);
            if (Interlocked.CompareExchange(ref _state, next, state) == state)
            {
                return remaining == 0 ? 1 : 0;
            }
        }
    }

    /// <summary>Gets how many references are live (for tests and diagnostics).</summary>
    internal int ReferenceCount => BitOperations.PopCount((uint)Volatile.Read(ref _state));

    private static bool IsLive(long state, int generation, int bit) =>
        GenerationOf(state) == generation && ((uint)state & (1u << bit)) != 0;

    private static int GenerationOf(long state) => (int)(state >> 32);

    private static long Pack(int generation, uint references) => ((long)generation << 32) | references;
}
