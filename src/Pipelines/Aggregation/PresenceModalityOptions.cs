namespace Sensact.Pipelines.Aggregation;

/// <summary>How one modality's units show presence (<c>...:Rule:Modalities:{modality}</c>).</summary>
public sealed class PresenceModalityOptions
{
    /// <summary>Gets or sets the name of the encoder score that shows presence (for example <c>speech</c> or <c>face</c>), in [0, 1].</summary>
    public string Score { get; set; } = string.Empty;

    /// <summary>Gets or sets how many of the window's highest scores are averaged; 1 (the default) takes the maximum.</summary>
    public int TopK { get; set; } = 1;

    /// <summary>Gets or sets the presence probability assumed for units not seen yet, in [0, 1]; by default 0.5.</summary>
    public float Prior { get; set; } = 0.5f;

    /// <summary>
    /// Gets or sets, for a presence that holds for the whole window (a face in view), how often one
    /// unit shows it when it is there, in [0, 1); 0 (the default) treats units as independent (a word
    /// may still come in a later unit).
    /// </summary>
    /// <remarks>
    /// With a recall r, n units that did not show the presence leave it a probability of
    /// <c>Prior·(1-r)^n / (Prior·(1-r)^n + 1 - Prior)</c>: a detector that finds a face nine times
    /// in ten is sure enough after two empty frames, instead of waiting for the window's end.
    /// </remarks>
    public float Recall { get; set; }
}
