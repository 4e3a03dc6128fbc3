using Sensact.Devices.Buffers;

namespace Sensact.Pipelines.Payloads;

/// <summary>Calls on a pooled payload, constrained so that a struct payload is not boxed; bound to delegates by <see cref="PayloadOwnership{T}"/>.</summary>
internal static class SharedPayloadCalls<TPayload>
    where TPayload : ISharedPayload<TPayload>
{
    public static TPayload AddRef(TPayload payload) => payload.AddRef();

    public static void Release(TPayload payload) => payload.Release();
}
