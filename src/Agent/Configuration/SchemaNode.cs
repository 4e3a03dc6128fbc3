namespace Sensact.Agent.Configuration;

/// <summary>One registered key of a <see cref="ConfigurationSchema"/>: what may appear under it.</summary>
internal abstract record SchemaNode;
