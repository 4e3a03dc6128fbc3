namespace Sensact.Pipelines.Multimodal;

/// <summary>One modality's running totals in a <see cref="MultimodalPipeline"/>, over every window; safe to read from any thread.</summary>
public sealed class ModalityCounters
{
    private long _invocations;
    private long _skipped;
    private long _invalid;
    private long _afterDecision;
    private long _lateFrames;
    private long _auditInvocations;

    internal ModalityCounters(string name) => Name = name;

    /// <summary>Gets the modality's name.</summary>
    public string Name { get; }

    /// <summary>Gets the calls to the encoder for decisions (audit excluded).</summary>
    public long EncoderInvocations => Interlocked.Read(ref _invocations);

    /// <summary>Gets the units the skip gate kept from being encoded.</summary>
    public long UnitsSkipped => Interlocked.Read(ref _skipped);

    /// <summary>Gets the units whose scores were NaN or infinite.</summary>
    public long UnitsInvalid => Interlocked.Read(ref _invalid);

    /// <summary>Gets the units not encoded because their window was already decided (early exit) or failed.</summary>
    public long UnitsAfterDecision => Interlocked.Read(ref _afterDecision);

    /// <summary>Gets the frames dropped because their window was already complete (out of order, or after the close tolerance).</summary>
    public long LateFrames => Interlocked.Read(ref _lateFrames);

    /// <summary>Gets the calls to the encoder made by the audit of skipped units.</summary>
    public long AuditInvocations => Interlocked.Read(ref _auditInvocations);

    internal void Invoked() => Interlocked.Increment(ref _invocations);

    internal void Skipped() => Interlocked.Increment(ref _skipped);

    internal void Invalid() => Interlocked.Increment(ref _invalid);

    internal void AfterDecision() => Interlocked.Increment(ref _afterDecision);

    internal void LateFrame() => Interlocked.Increment(ref _lateFrames);

    internal void Audited() => Interlocked.Increment(ref _auditInvocations);
}
