namespace Sensact.Agent.Hosting;

/// <summary>Who this agent is: configuration section <c>Agent</c>.</summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Agent";

    /// <summary>Gets or sets the fleet the agent belongs to; the second level of every topic.</summary>
    public string Fleet { get; set; } = "demo";

    /// <summary>Gets or sets the agent's id, unique in its fleet; the third level of every topic.</summary>
    public string Id { get; set; } = "agent-1";
}
