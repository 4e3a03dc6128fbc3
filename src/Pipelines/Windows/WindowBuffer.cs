using Sensact.Devices;

namespace Sensact.Pipelines.Windows;

/// <summary>The frames of the window being delivered, and a version that changes when they are replaced.</summary>
internal sealed class WindowBuffer<T>(Frame<T>[] frames)
{
    public Frame<T>[] Frames { get; } = frames;

    public long Version { get; private set; }

    public void Invalidate() => Version++;
}
