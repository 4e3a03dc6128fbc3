using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Commands;

/// <summary>
/// <c>config.get</c>, optionally <c>{"key":"Apps:activity"}</c>: the configuration in effect (all
/// sources merged), as strings, with secrets replaced by <c>"***"</c>.
/// </summary>
internal sealed class ConfigGetCommand(IConfiguration configuration) : ICommand
{
    private static readonly string[] Sections = ["Agent", "Mqtt", "Sensors", "Apps", "Recording", "ConsoleView", "Logging"];
    private static readonly string[] Secrets = ["Password"];

    public string Name => "config.get";

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments["key"] is null)
        {
            var all = new JsonObject();
            foreach (var name in Sections)
            {
                if (Read(configuration.GetSection(name)) is { } node)
                {
                    all[name] = node;
                }
            }

            return all;
        }

        if (arguments["key"]!.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            throw new CommandException(CommandException.BadRequest, "'key' must be a string such as \"Apps:activity\"");
        }

        var key = arguments["key"]!.GetValue<string>();
        var top = key.Split(':')[0];
        if (!Sections.Contains(top, StringComparer.OrdinalIgnoreCase))
        {
            throw new CommandException(CommandException.BadRequest, $"'{key}' is not in the agent's configuration (sections: {string.Join(", ", Sections)})");
        }

        var section = configuration.GetSection(key);
        return Read(section) ?? throw new CommandException(CommandException.BadRequest, $"no configuration key '{key}'");
    }

    private static JsonNode? Read(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            if (section.Value is null)
            {
                return null;
            }

            return Secrets.Contains(section.Key, StringComparer.OrdinalIgnoreCase) && section.Value.Length > 0 ? "***" : section.Value;
        }

        var json = new JsonObject();
        foreach (var child in children)
        {
            json[child.Key] = Read(child);
        }

        return json;
    }
}
