using System.Text.Json.Nodes;
using Sensact.Agent.Apps;

namespace Sensact.Agent.Commands;

/// <summary><c>apps.list</c>: every prepared application with its kind, sensors and state.</summary>
internal sealed class AppsListCommand(AgentApps apps, AppStates states) : ICommand
{
    public string Name => "apps.list";

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var snapshot = states.Snapshot();
        var list = new JsonArray();
        foreach (var (app, options) in apps.Apps.OrderBy(a => a.App.Name, StringComparer.Ordinal))
        {
            var status = snapshot.GetValueOrDefault(app.Name);
            list.Add(new JsonObject
            {
                ["name"] = app.Name,
                ["kind"] = app.Kind,
                ["sensors"] = new JsonArray([.. options.SensorNames.Select(s => (JsonNode?)s)]),
                ["state"] = (status?.State ?? AppState.Starting).ToWire(),
                ["restarts"] = status?.Restarts ?? 0,
                ["liveKeys"] = new JsonArray([.. app.LiveKeys.Select(k => (JsonNode?)k)]),
            });
        }

        return list;
    }
}
