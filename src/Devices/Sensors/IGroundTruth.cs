namespace Sensact.Devices.Sensors;

/// <summary>A replayed or simulated source that knows what it is showing (a label per recording or scene).</summary>
public interface IGroundTruth
{
    /// <summary>Gets the label of what is being sensed now, or <c>null</c> when unknown.</summary>
    string? CurrentLabel { get; }
}
