using System.Reflection;
using Sensact.Devices.Sensors;

namespace Sensact.Pipelines.Payloads;

/// <summary>
/// The validity test of a payload type for generic stages: <see cref="IPlausiblePayload.Implausibility"/>
/// where the type has one, bound once so that struct payloads are not boxed; nothing otherwise.
/// </summary>
/// <typeparam name="T">The payload type.</typeparam>
internal static class PayloadPlausibility<T>
{
    private static readonly Func<T, string?>? Check = typeof(IPlausiblePayload).IsAssignableFrom(typeof(T))
        ? typeof(PlausiblePayloadCalls<>).MakeGenericType(typeof(T))
            .GetMethod(nameof(PlausiblePayloadCalls<IPlausiblePayload>.Implausibility), BindingFlags.Public | BindingFlags.Static)!
            .CreateDelegate<Func<T, string?>>()
        : null;

    /// <summary>Gets why <paramref name="payload"/> is implausible, or <c>null</c> (always for types without a test).</summary>
    public static string? Implausibility(T payload) => Check?.Invoke(payload);
}
