using System.Text.Json;
using System.Text.Json.Nodes;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Commands;

/// <summary>
/// <c>model.swap</c> with <c>{"app":"activity","model":"models/activity/v2.onnx"}</c>: loads the model
/// and its card, checks them as at start, and switches between two windows; the old model keeps
/// serving when anything fails. Only models in the agent's model directory (<c>models/</c>) are read.
/// </summary>
internal sealed class ModelSwapCommand(AppSettings settings) : ICommand
{
    public string Name => "model.swap";

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments["app"] is not { } app || app.GetValueKind() != JsonValueKind.String
            || arguments["model"] is not { } model || model.GetValueKind() != JsonValueKind.String)
        {
            throw new CommandException(CommandException.BadRequest, "model.swap needs {\"app\":\"<name>\",\"model\":\"models/<folder>/<file>.onnx\"}");
        }

        var path = model.GetValue<string>();
        var models = Path.GetFullPath(ContentPaths.Resolve("models")) + Path.DirectorySeparatorChar;
        if (path.Length == 0 || !Path.GetFullPath(ContentPaths.Resolve(path)).StartsWith(models, StringComparison.Ordinal))
        {
            throw new CommandException(CommandException.BadRequest, $"'{path}' is not in the agent's model directory ({models})");
        }

        return settings.Set(app.GetValue<string>(), "Model", path);
    }
}
