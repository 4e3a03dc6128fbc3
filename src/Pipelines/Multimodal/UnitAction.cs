namespace Sensact.Pipelines.Multimodal;

/// <summary>What the engine tells a modality to do with a complete unit.</summary>
internal enum UnitAction
{
    /// <summary>Encode it now (pipelined).</summary>
    Encode,

    /// <summary>Keep it until the window is complete (wait-for-complete).</summary>
    Hold,

    /// <summary>Skipped by the gate; keep it for the audit.</summary>
    Audit,

    /// <summary>Nothing to do: skipped, or its window is already decided.</summary>
    Drop,
}
