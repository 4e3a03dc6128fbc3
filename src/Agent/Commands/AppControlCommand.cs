using System.Text.Json;
using System.Text.Json.Nodes;
using Sensact.Agent.Apps;

namespace Sensact.Agent.Commands;

/// <summary>
/// <c>app.start</c> and <c>app.stop</c> with <c>{"app":"name"}</c>: stop an application (its sensors
/// are released when nobody else reads them) or start it again. The reply gives its state.
/// </summary>
internal sealed class AppControlCommand(string name, AppRunner runner, Func<AppSupervisor, AppState> action) : ICommand
{
    public string Name => name;

    /// <summary>The <c>app.start</c> command.</summary>
    public static AppControlCommand Start(AppRunner runner) => new("app.start", runner, s => s.Resume());

    /// <summary>The <c>app.stop</c> command.</summary>
    public static AppControlCommand Stop(AppRunner runner) => new("app.stop", runner, s => s.Stop());

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments["app"] is not { } node || node.GetValueKind() != JsonValueKind.String)
        {
            throw new CommandException(CommandException.BadRequest, $"{name} needs {{\"app\":\"<name>\"}}");
        }

        var app = node.GetValue<string>();
        if (!runner.TryGet(app, out var supervisor))
        {
            throw new CommandException(CommandException.UnknownApp, $"no running application '{app}'");
        }

        var state = action(supervisor);
        return new JsonObject { ["app"] = supervisor.Name, ["state"] = state.ToWire() };
    }
}
