using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sensact.Agent.Apps;
using Sensact.Agent.Configuration;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Commands;

/// <summary>
/// Changes an application's setting while it runs (<c>config.set</c>, <c>model.swap</c>): checked by
/// the rules used at start (the strict configuration checker, then the application's own checks),
/// applied without a restart, and visible to <c>config.get</c>. Nothing changes when a check fails.
/// The change lives in memory: a restart of the agent reads its configuration files again.
/// </summary>
internal sealed class AppSettings(IConfiguration configuration, AppRunner runner)
{
    /// <summary>Sets <c>Apps:{app}:{key}</c> to <paramref name="value"/> on the running application.</summary>
    /// <returns>The reply's result: the application, the full key, the value in effect.</returns>
    /// <exception cref="CommandException">Unknown application, a key that cannot change live, or a value the checks refuse.</exception>
    public JsonObject Set(string app, string key, JsonNode value)
    {
        if (!runner.TryGet(app, out var supervisor))
        {
            throw new CommandException(CommandException.UnknownApp, $"no running application '{app}'");
        }

        var live = supervisor.App.LiveKeys;
        var liveKey = live.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new CommandException(
                CommandException.NotLive,
                $"'{AgentApps.Section}:{supervisor.Name}:{key}' cannot change while the agent runs; live keys of application '{supervisor.Name}': {string.Join(", ", live)}");
        var fullKey = $"{AgentApps.Section}:{supervisor.Name}:{liveKey}";
        var text = Text(value, fullKey);

        var change = new ConfigurationChange(configuration, fullKey, text);
        if (change.Problems.Count > 0)
        {
            throw new CommandException(CommandException.InvalidValue, string.Join(" ", change.Problems));
        }

        var kind = AppKinds.All[supervisor.Kind];
        var options = (AppOptions)change.Candidate.GetSection($"{AgentApps.Section}:{supervisor.Name}").Get(kind.OptionsType)!;
        kind.Resolve(options, ContentPaths.Resolve);
        var appProblems = new List<string>();
        supervisor.App.Reconfigure(options, appProblems);
        if (appProblems.Count > 0)
        {
            throw new CommandException(CommandException.InvalidValue, string.Join(" ", appProblems.Select(p => $"{AgentApps.Section}:{supervisor.Name}:{p}")));
        }

        change.Apply();
        return new JsonObject { ["app"] = supervisor.Name, ["key"] = fullKey, ["value"] = text, ["kept"] = false };
    }

    private static string Text(JsonNode value, string key) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.GetValue<double>().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new CommandException(CommandException.BadRequest, $"the value for '{key}' must be a string, a number or a boolean"),
    };
}
