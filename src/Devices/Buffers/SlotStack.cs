using System.Diagnostics.CodeAnalysis;

namespace Sensact.Devices.Buffers;

/// <summary>The free slots of one size class: a bounded stack behind a lock, allocation-free.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class SlotStack<T>(int capacity)
{
    private readonly Lock _gate = new();
    private readonly BufferSlot<T>[] _slots = new BufferSlot<T>[capacity];
    private int _count;

    /// <summary>Takes the most recently returned slot (the one most likely still in cache).</summary>
    internal bool TryPop([NotNullWhen(true)] out BufferSlot<T>? slot)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                slot = null;
                return false;
            }

            slot = _slots[--_count];
            _slots[_count] = null!;
            return true;
        }
    }

    /// <summary>Keeps <paramref name="slot"/> unless the stack is full.</summary>
    internal bool TryPush(BufferSlot<T> slot)
    {
        lock (_gate)
        {
            if (_count == _slots.Length)
            {
                return false;
            }

            _slots[_count++] = slot;
            return true;
        }
    }
}
