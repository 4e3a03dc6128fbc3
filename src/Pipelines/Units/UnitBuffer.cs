using Sensact.Devices;

namespace Sensact.Pipelines.Units;

/// <summary>The frames of the unit being delivered, and a version that changes when they are replaced.</summary>
internal sealed class UnitBuffer<T>(int size)
{
    public Frame<T>[] Frames { get; } = new Frame<T>[size];

    public int Count { get; set; }

    public long Version { get; private set; }

    public void Invalidate() => Version++;
}
