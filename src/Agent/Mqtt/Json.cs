using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// The agent's one JSON convention: camelCase names, nulls left out, characters such as quotes and
/// <c>&gt;</c> written as they are (payloads are read by MQTT tools and people, never embedded in HTML).
/// </summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
