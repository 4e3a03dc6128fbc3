namespace Sensact.Pipelines.Exits;

/// <summary>
/// Decides, after each unit of a fast modality, whether the slow modalities' remaining units in the
/// window are skipped (not encoded): speculative skipping. Built in: <see cref="ThresholdSkipGate"/>
/// and the learned <see cref="OnnxSkipGate"/>.
/// </summary>
/// <remarks>Called from one thread at a time; should allocate nothing.</remarks>
public interface ISkipGate
{
    /// <summary>Decides whether to skip the slow modalities' remaining units.</summary>
    /// <param name="input">The fast modalities' features and the window's settled confidence.</param>
    /// <returns><c>true</c> to skip them for the rest of the window.</returns>
    bool ShouldSkip(SkipGateInput input);
}
