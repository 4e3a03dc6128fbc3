namespace Sensact.Devices.Buffers;

/// <summary>A shared payload that can be given to one more holder without knowing its type.</summary>
/// <remarks>
/// A fan-out stage constrained to this interface (<c>where T : ISharedPayload&lt;T&gt;</c>) gives each
/// extra consumer <c>payload.AddRef()</c> without boxing. The ownership rule is on <see cref="SharedBuffer{T}"/>.
/// </remarks>
/// <typeparam name="TSelf">The payload type itself.</typeparam>
public interface ISharedPayload<TSelf> : ISharedPayload
    where TSelf : ISharedPayload<TSelf>
{
    /// <summary>Creates another reference to the same payload, which the new holder releases on its own.</summary>
    /// <returns>The same payload holding the new reference.</returns>
    /// <exception cref="ObjectDisposedException">This payload's reference was already released.</exception>
    TSelf AddRef();
}
