using System.Text.Json;
using System.Text.Json.Nodes;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Commands;

/// <summary>The JSON of a reply: <c>{"v":1,"ok":true,"result":...}</c> or <c>{"v":1,"ok":false,"error":{"code","message"}}</c>.</summary>
internal static class CommandReply
{

    public static byte[] Success(JsonNode? result, string? correlationId) =>
        Write(new JsonObject { ["v"] = 1, ["ok"] = true, ["result"] = result }, correlationId);

    public static byte[] Failure(string code, string message, string? correlationId) =>
        Write(new JsonObject { ["v"] = 1, ["ok"] = false, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, correlationId);

    private static byte[] Write(JsonObject reply, string? correlationId)
    {
        if (correlationId is not null)
        {
            reply["correlationId"] = correlationId;
        }

        return JsonSerializer.SerializeToUtf8Bytes(reply, Json.Options);
    }
}
