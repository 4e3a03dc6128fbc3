namespace Sensact.Pipelines.Multimodal;

/// <summary>A <see cref="MultimodalPipeline"/>'s running totals over every window; safe to read from any thread.</summary>
public sealed class PipelineCounters
{
    private long _decided;
    private long _failed;
    private long _exitedEarly;
    private long _audited;
    private long _auditChanged;

    internal PipelineCounters(IEnumerable<string> modalities) => Modalities = [.. modalities.Select(m => new ModalityCounters(m))];

    /// <summary>Gets each modality's totals, in pipeline order.</summary>
    public IReadOnlyList<ModalityCounters> Modalities { get; }

    /// <summary>Gets the windows decided.</summary>
    public long WindowsDecided => Interlocked.Read(ref _decided);

    /// <summary>Gets the windows that failed because an encoder threw.</summary>
    public long WindowsFailed => Interlocked.Read(ref _failed);

    /// <summary>Gets the windows decided by early exit.</summary>
    public long WindowsExitedEarly => Interlocked.Read(ref _exitedEarly);

    /// <summary>Gets the windows whose skipped units the audit sampled.</summary>
    public long WindowsAudited => Interlocked.Read(ref _audited);

    /// <summary>Gets the audited windows whose label would have changed with the sampled skipped units encoded.</summary>
    public long AuditChangedDecisions => Interlocked.Read(ref _auditChanged);

    /// <summary>Gets the totals of the modality named <paramref name="name"/>.</summary>
    /// <param name="name">The modality's name.</param>
    /// <returns>Its counters.</returns>
    /// <exception cref="KeyNotFoundException">No modality has that name.</exception>
    public ModalityCounters this[string name] =>
        Modalities.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"The pipeline has no modality '{name}'.");

    internal void Decided(bool early)
    {
        Interlocked.Increment(ref _decided);
        if (early)
        {
            Interlocked.Increment(ref _exitedEarly);
        }
    }

    internal void Failed() => Interlocked.Increment(ref _failed);

    internal void Audit(bool changed)
    {
        Interlocked.Increment(ref _audited);
        if (changed)
        {
            Interlocked.Increment(ref _auditChanged);
        }
    }
}
