using System.Runtime.CompilerServices;

namespace Sensact.Devices.Buffers;

/// <summary>
/// A thread-safe, bounded pool of arrays for large payloads (audio periods, camera frames), handed out
/// as reference-counted <see cref="SharedBuffer{T}"/>s, so that a source running at sensor rate reuses
/// the same few arrays instead of feeding the garbage collector.
/// </summary>
/// <remarks>
/// <para>
/// Arrays come in size classes (16, then four steps per power of two: 1024, 1280, 1536, 1792, 2048 …), so
/// a buffer wastes less than a quarter of its array and lengths that differ a little share arrays. A
/// rented buffer's contents are whatever its last user left: the renter overwrites them.
/// </para>
/// <para>
/// The pool keeps at most <see cref="MaxFreePerSize"/> free arrays per size class; a buffer released
/// when its class is full is let go to the garbage collector and counted in <see cref="Discarded"/>.
/// A buffer that is never released is not lost either: the collector takes it and the pool creates
/// another, which shows as <see cref="Created"/> growing and <see cref="Rented"/> − <see cref="Returned"/>
/// (the buffers in use) never falling back.
/// </para>
/// <para>
/// Renting a buffer that was returned allocates nothing: the array keeps its bookkeeping object with it
/// and the handle is a struct. Each class costs one small lock, taken once per rent and once per return.
/// </para>
/// </remarks>
/// <typeparam name="T">The element type, for example <see cref="float"/> samples or <see cref="byte"/> pixels.</typeparam>
public sealed class BufferPool<T>
{
    private readonly SlotStack<T>?[] _free = new SlotStack<T>?[BufferSizeClasses.Count];
    private long _rented;
    private long _created;
    private long _returned;
    private long _discarded;

    /// <summary>Initializes a new pool that keeps up to <paramref name="maxFreePerSize"/> free arrays per size class.</summary>
    /// <param name="maxFreePerSize">
    /// How many released arrays of one size class to keep for reuse; about the number of buffers of that
    /// size a pipeline has in flight at once (in a source, delivery buffers and consumers). 0 keeps none.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFreePerSize"/> is negative.</exception>
    public BufferPool(int maxFreePerSize = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFreePerSize);
        MaxFreePerSize = maxFreePerSize;
    }

    /// <summary>Gets how many released arrays of one size class the pool keeps.</summary>
    public int MaxFreePerSize { get; }

    /// <summary>Gets how many buffers were rented.</summary>
    public long Rented => Interlocked.Read(ref _rented);

    /// <summary>Gets how many arrays the pool allocated (a rent that found no free array of its class).</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Gets how many buffers had their last reference released, whether kept or let go.</summary>
    public long Returned => Interlocked.Read(ref _returned);

    /// <summary>Gets how many of the <see cref="Returned"/> buffers were let go because their class already held <see cref="MaxFreePerSize"/> free arrays.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    /// <summary>Rents a buffer of exactly <paramref name="length"/> elements, holding its one reference.</summary>
    /// <remarks>The caller owns the returned reference and must release it exactly once, or hand it on (see <see cref="SharedBuffer{T}"/>).</remarks>
    /// <param name="length">The number of elements.</param>
    /// <returns>The only reference to the buffer; its contents are undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive or exceeds <see cref="Array.MaxLength"/>.</exception>
    public SharedBuffer<T> Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Array.MaxLength);

        var sizeClass = BufferSizeClasses.ClassOf(length);
        Interlocked.Increment(ref _rented);
        if (!FreeSlots(sizeClass).TryPop(out var slot))
        {
            slot = new BufferSlot<T>(this, sizeClass);
            Interlocked.Increment(ref _created);
        }

        var generation = slot.Activate();
        return new SharedBuffer<T>(slot, generation, 0, length);
    }

    /// <summary>Takes back a slot whose last reference was just released.</summary>
    internal void Return(BufferSlot<T> slot)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // A pooled array must not keep the last user's objects alive.
            Array.Clear(slot.Array);
        }

        Interlocked.Increment(ref _returned);
        if (!FreeSlots(slot.SizeClass).TryPush(slot))
        {
            Interlocked.Increment(ref _discarded);
        }
    }

    private SlotStack<T> FreeSlots(int sizeClass)
    {
        var stack = Volatile.Read(ref _free[sizeClass]);
        if (stack is null)
        {
            Interlocked.CompareExchange(ref _free[sizeClass], new SlotStack<T>(MaxFreePerSize), null);
            stack = Volatile.Read(ref _free[sizeClass])!;
        }

        return stack;
    }
}
