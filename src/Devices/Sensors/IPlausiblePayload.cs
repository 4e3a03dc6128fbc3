namespace Sensact.Devices.Sensors;

/// <summary>
/// A payload that can tell when it holds values no working sensor could have measured; the shared
/// sensor drops such frames before its consumers see them and counts them by reason.
/// </summary>
/// <remarks>Called on the sensor's thread for every frame: it must not allocate or block.</remarks>
public interface IPlausiblePayload
{
    /// <summary>Tells why the payload is implausible, or that it is not.</summary>
    /// <returns>
    /// <c>null</c> when plausible; otherwise a short constant naming the reason (the metrics' <c>reason</c>
    /// tag, for example <c>non-finite</c> or <c>out-of-range</c>).
    /// </returns>
    string? Implausibility();
}
