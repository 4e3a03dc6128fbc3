using System.Reflection;

namespace Sensact.Agent.Hosting;

/// <summary>The agent's version, as published in its status.</summary>
internal static class AgentVersion
{
    public static string Value { get; } =
        typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
