using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensact.Agent.Commands;

/// <summary>
/// <c>config.set</c> with <c>{"key":"Apps:activity:MinConfidence","value":0.8}</c>: changes a live
/// setting of a running application (see <see cref="AppSettings"/>).
/// </summary>
internal sealed class ConfigSetCommand(AppSettings settings) : ICommand
{
    public string Name => "config.set";

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments["key"] is not { } keyNode || keyNode.GetValueKind() != JsonValueKind.String || arguments["value"] is not { } value)
        {
            throw new CommandException(CommandException.BadRequest, "config.set needs {\"key\":\"Apps:<app>:<key>\",\"value\":...}");
        }

        var parts = keyNode.GetValue<string>().Split(':');
        if (parts.Length != 3 || !string.Equals(parts[0], "Apps", StringComparison.OrdinalIgnoreCase) || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new CommandException(
                CommandException.NotLive,
                $"'{keyNode.GetValue<string>()}' cannot change while the agent runs; config.set changes an application's live keys, 'Apps:<app>:<key>' (apps.list names them)");
        }

        return settings.Set(parts[1], parts[2], value);
    }
}
