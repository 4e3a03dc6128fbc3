using System.Diagnostics.CodeAnalysis;

namespace Sensact.Devices.Buffers;

/// <summary>
/// One reference to a buffer rented from a <see cref="BufferPool{T}"/>: <see cref="Length"/> elements,
/// shared by every holder of a reference and returned to its pool when the last one is released.
/// </summary>
/// <remarks>
/// <para>
/// <b>Ownership rule.</b> Whoever holds a reference releases it exactly once, or hands it on — and
/// then neither uses nor releases it. A source rents and hands its reference to the stream; a stage
/// that passes a payload on hands its reference on; a stage that keeps a payload beyond its
/// <c>OnNext</c>, or gives it to more than one consumer, calls <see cref="AddRef"/> for each extra
/// holder; a stage that drops a payload (a delivery policy dropping a frame, a filter, a paused
/// consumer, pending items discarded on dispose) releases it. See "Payload memory" in docs/architecture.md.
/// </para>
/// <para>
/// The handle is a struct: copying it does not create a reference — a copy is the same reference, and
/// releasing both copies is a double release. Each reference is tracked on its own, so using or
/// releasing a reference after its <see cref="Release"/> throws <see cref="ObjectDisposedException"/>
/// even while other references keep the buffer alive, and a handle kept past the last release stays
/// invalid after the array was rented again (each rental has a new generation). A forgotten release
/// costs an allocation (the pool creates another array), never corrupted data. The checks see misuse
/// that has already happened; they cannot revoke a <see cref="System.Span{T}"/> or
/// <see cref="System.Memory{T}"/> taken before the release, so do not keep those beyond the reference.
/// </para>
/// <para>
/// The contents are not synchronised: the renter fills the buffer before handing it on, and once it is
/// shared every holder treats it as read-only. A stage that wants to change the data copies it into a
/// buffer of its own. Releasing and <see cref="AddRef"/> are thread-safe.
/// </para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct SharedBuffer<T> : IEquatable<SharedBuffer<T>>, ISharedPayload<SharedBuffer<T>>
{
    private readonly BufferSlot<T>? _slot;
    private readonly int _generation;
    private readonly int _reference;

    internal SharedBuffer(BufferSlot<T> slot, int generation, int reference, int length)
    {
        _slot = slot;
        _generation = generation;
        _reference = reference;
        Length = length;
    }

    /// <summary>Gets the number of elements rented; readable even after release (it describes the reference, not the memory).</summary>
    public int Length { get; }

    /// <summary>Gets the buffer's elements, exactly <see cref="Length"/> of them.</summary>
    /// <exception cref="ObjectDisposedException">This reference was released, or is <c>default</c>.</exception>
    public Memory<T> Memory => new(LiveSlot().Array, 0, Length);

    /// <summary>Gets the buffer's elements, exactly <see cref="Length"/> of them.</summary>
    /// <exception cref="ObjectDisposedException">This reference was released, or is <c>default</c>.</exception>
    public Span<T> Span => new(LiveSlot().Array, 0, Length);

    /// <summary>Gets how many references to the buffer are live (for tests and diagnostics; 0 after this one's buffer was returned).</summary>
    internal int ReferenceCount => _slot is not null && _slot.IsCurrent(_generation) ? _slot.ReferenceCount : 0;

    /// <summary>Determines whether two handles are the same reference.</summary>
    /// <param name="left">The first handle.</param>
    /// <param name="right">The second handle.</param>
    /// <returns><c>true</c> when both are copies of one reference.</returns>
    public static bool operator ==(SharedBuffer<T> left, SharedBuffer<T> right) => left.Equals(right);

    /// <summary>Determines whether two handles are different references.</summary>
    /// <param name="left">The first handle.</param>
    /// <param name="right">The second handle.</param>
    /// <returns><c>true</c> unless both are copies of one reference.</returns>
    public static bool operator !=(SharedBuffer<T> left, SharedBuffer<T> right) => !left.Equals(right);

    /// <summary>Creates another reference to the same buffer, for a second holder that releases it on its own.</summary>
    /// <returns>The new reference; the buffer stays rented until it and every other reference are released.</returns>
    /// <exception cref="ObjectDisposedException">This reference was released, or is <c>default</c>.</exception>
    /// <exception cref="InvalidOperationException">The buffer already has 32 live references.</exception>
    public SharedBuffer<T> AddRef()
    {
        var slot = _slot ?? throw NotRented();
        var added = slot.AddReference(_generation, _reference);
        return added switch
        {
            -1 => throw Released(slot),
            -2 => throw new InvalidOperationException(
                $"A shared buffer can have at most {BufferSlot<T>.MaxReferences} live references; release one before adding another (a stage that keeps many payloads should copy them)."),
            _ => new SharedBuffer<T>(slot, _generation, added, Length),
        };
    }

    /// <summary>Releases this reference; the last release returns the buffer to its pool.</summary>
    /// <exception cref="ObjectDisposedException">This reference was already released, or is <c>default</c>.</exception>
    public void Release()
    {
        var slot = _slot ?? throw NotRented();
        switch (slot.RemoveReference(_generation, _reference))
        {
            case -1:
                throw Released(slot);
            case 1:
                slot.Pool.Return(slot);
                break;
        }
    }

    /// <inheritdoc />
    public bool Equals(SharedBuffer<T> other) =>
        ReferenceEquals(_slot, other._slot) && _generation == other._generation && _reference == other._reference && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SharedBuffer<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_slot, _generation, _reference, Length);

    /// <summary>Describes the reference without touching the buffer, so it is safe after release.</summary>
    /// <returns>The element type, the length and whether this reference is live.</returns>
    public override string ToString() =>
        $"SharedBuffer<{typeof(T).Name}>[{Length}]{(_slot is not null && _slot.IsLive(_generation, _reference) ? string.Empty : " (released)")}";

    private BufferSlot<T> LiveSlot()
    {
        var slot = _slot ?? throw NotRented();
        return slot.IsLive(_generation, _reference) ? slot : throw Released(slot);
    }

    private static ObjectDisposedException NotRented() =>
        new(nameof(SharedBuffer<T>), "This SharedBuffer is default: it was never rented from a BufferPool.");

    private ObjectDisposedException Released(BufferSlot<T> slot) =>
        new(nameof(SharedBuffer<T>), slot.IsCurrent(_generation)
            ? "This reference to the shared buffer was already released (other references keep the buffer alive). Each holder releases its reference exactly once and stops using it; call AddRef to keep the buffer."
            : "The shared buffer was returned to its pool: every reference to it had been released. Each holder releases its reference exactly once and stops using it; call AddRef to keep the buffer.");
}
