namespace Sensact.Pipelines.Multimodal;

/// <summary>How a window ended.</summary>
public enum WindowOutcome
{
    /// <summary>A label was decided.</summary>
    Decided,

    /// <summary>An encoder threw: the window has no decision (see <see cref="WindowResult.Error"/>).</summary>
    Failed,
}
