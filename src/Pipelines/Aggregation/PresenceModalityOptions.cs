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
}
