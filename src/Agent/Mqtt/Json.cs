using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sensact.Agent.Mqtt;

/// <summary>The agent's one JSON convention: camelCase names, nulls left out.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
