namespace Sensact.Pipelines.Multimodal;

/// <summary>How one call to an encoder ended.</summary>
internal enum EncodeStatus
{
    /// <summary>Every score finite.</summary>
    Valid,

    /// <summary>A NaN or infinite score: the unit adds no evidence.</summary>
    Invalid,

    /// <summary>The encoder threw.</summary>
    Failed,
}
