namespace Sensact.Pipelines.Multimodal;

/// <summary>How a <see cref="MultimodalPipeline"/> schedules encoding and decides (<c>Apps:{name}:Pipeline:Strategy</c>).</summary>
public enum InferenceStrategy
{
    /// <summary>Buffer the whole window; encode every unit after the window ends, then decide (the usual stack).</summary>
    WaitForComplete,

    /// <summary>Encode each unit the moment it is complete; decide when the window ends.</summary>
    Pipelined,

    /// <summary>Pipelined, and decide as soon as the confidence passes the exit threshold; the window's remaining units are not encoded.</summary>
    PipelinedEarlyExit,

    /// <summary>Pipelined with early exit and speculative skipping of the slow modalities (and the audit when enabled).</summary>
    Full,
}
