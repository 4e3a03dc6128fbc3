using Sensact.Devices.Sensors;

namespace Sensact.Pipelines.Payloads;

/// <summary>The validity test, constrained so that a struct payload is not boxed; bound to a delegate by <see cref="PayloadPlausibility{T}"/>.</summary>
internal static class PlausiblePayloadCalls<TPayload>
    where TPayload : IPlausiblePayload
{
    public static string? Implausibility(TPayload payload) => payload.Implausibility();
}
