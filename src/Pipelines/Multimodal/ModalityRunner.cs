namespace Sensact.Pipelines.Multimodal;

/// <summary>The type-free face of one modality inside a <see cref="WindowEngine"/>.</summary>
internal abstract class ModalityRunner(Modality modality, int index)
{
    public Modality Modality { get; } = modality;

    public int Index { get; } = index;

    /// <summary>Subscribes to the modality's frames; every callback enters the engine's lock.</summary>
    public abstract IDisposable Subscribe();

    /// <summary>Closes the window in the modality's cutter: its later frames are dropped.</summary>
    public abstract void CloseWindow(long window);

    /// <summary>Encodes the held units of <paramref name="window"/> (wait-for-complete) and releases older ones.</summary>
    public abstract void EncodeHeld(long window);

    /// <summary>Encodes the audit's sample of <paramref name="window"/>'s skipped units into the window's shadow evidence.</summary>
    public abstract void EncodeAudit(long window, WindowState state);

    /// <summary>Releases every frame held.</summary>
    public abstract void ReleaseAll();
}
