using Microsoft.Extensions.Options;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Mqtt;

/// <summary>The agent's own topic names, version 1: <c>sensact/v1/{fleet}/{agent}/...</c>.</summary>
internal sealed class Topics(IOptions<AgentOptions> options)
{
    private readonly string _root = $"sensact/v1/{options.Value.Fleet}/{options.Value.Id}";

    /// <summary>Gets the retained online/offline topic (also the Last Will's).</summary>
    public string Status => $"{_root}/status";

    /// <summary>Returns the event topic of an application.</summary>
    public string Events(string app) => $"{_root}/events/{app}";
}
