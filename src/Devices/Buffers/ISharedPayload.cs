namespace Sensact.Devices.Buffers;

/// <summary>
/// A payload that holds a reference to pooled memory, which its holder must release exactly once.
/// </summary>
/// <remarks>
/// A generic stage that drops or discards items releases them through this interface without knowing
/// their type (<c>if (frame.Payload is ISharedPayload shared) shared.Release();</c>, which boxes a struct
/// payload on that path only); a stage constrained to <see cref="ISharedPayload{TSelf}"/> calls it
/// without boxing. The ownership rule is on <see cref="SharedBuffer{T}"/>.
/// </remarks>
public interface ISharedPayload
{
    /// <summary>Releases the reference this payload holds; the holder uses the payload no more.</summary>
    /// <exception cref="ObjectDisposedException">The reference was already released.</exception>
    void Release();
}
