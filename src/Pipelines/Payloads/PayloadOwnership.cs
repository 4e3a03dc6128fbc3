using System.Reflection;
using Sensact.Devices;
using Sensact.Devices.Buffers;

namespace Sensact.Pipelines.Payloads;

/// <summary>
/// The ownership rule (see <see cref="SharedBuffer{T}"/>) for generic stages: for a payload type
/// that holds pooled memory (<see cref="ISharedPayload{TSelf}"/>), how to give one more holder its
/// own reference and how to release one; for any other type, nothing to do.
/// </summary>
/// <typeparam name="T">The payload type.</typeparam>
internal static class PayloadOwnership<T>
{
    /// <summary>Gets whether payloads of this type hold pooled memory (then the stages below must be called).</summary>
    public static bool IsShared { get; } = Array.Exists(
        typeof(T).GetInterfaces(),
        i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISharedPayload<>) && i.GenericTypeArguments[0] == typeof(T));

    // Bound once per type to a method constrained to ISharedPayload<T>, so calls do not box struct payloads.
    private static readonly Func<T, T>? AddRefPayload = IsShared ? Bind<Func<T, T>>("AddRef") : null;
    private static readonly Action<T>? ReleasePayload = IsShared ? Bind<Action<T>>("Release") : null;

    /// <summary>Returns the frame with its own reference to the payload, for one more holder.</summary>
    public static Frame<T> AddRef(Frame<T> frame) => AddRefPayload is null ? frame : frame with { Payload = AddRefPayload(frame.Payload) };

    /// <summary>Releases the frame's reference to its payload (a dropped or discarded frame).</summary>
    public static void Release(Frame<T> frame) => ReleasePayload?.Invoke(frame.Payload);

    /// <summary>Gets <see cref="Release"/> as a delegate when payloads hold pooled memory, otherwise <c>null</c> (nothing to do).</summary>
    public static Action<Frame<T>>? ReleaseOrNull { get; } = IsShared ? Release : null;

    private static TDelegate Bind<TDelegate>(string name)
        where TDelegate : Delegate =>
        typeof(SharedPayloadCalls<>).MakeGenericType(typeof(T)).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<TDelegate>();
}
