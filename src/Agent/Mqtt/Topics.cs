using Microsoft.Extensions.Options;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Mqtt;

/// <summary>The agent's own topic names, version 1: <c>sensact/v1/{fleet}/{agent}/...</c>.</summary>
internal sealed class Topics(IOptions<AgentOptions> options)
{
    private readonly string _root = $"sensact/v1/{options.Value.Fleet}/{options.Value.Id}";

    /// <summary>Gets the retained online/offline topic (also the Last Will's).</summary>
    public string Status => $"{_root}/status";

    /// <summary>Gets the periodic statistics topic.</summary>
    public string Telemetry => $"{_root}/telemetry";

    /// <summary>Gets the retained capabilities topic.</summary>
    public string Birth => $"{_root}/birth";

    /// <summary>Gets the filter of the agent's command topics, <c>{agent}/cmd/+</c>.</summary>
    public string Commands => $"{_root}/cmd/+";

    /// <summary>Returns the command a topic names, or null when it is not one of the agent's command topics.</summary>
    public string? CommandName(string topic)
    {
        var prefix = $"{_root}/cmd/";
        return topic.StartsWith(prefix, StringComparison.Ordinal) && topic.Length > prefix.Length && topic.IndexOf('/', prefix.Length) < 0
            ? topic[prefix.Length..]
            : null;
    }

    /// <summary>Returns the event topic of an application.</summary>
    public string Events(string app) => $"{_root}/events/{app}";
}
