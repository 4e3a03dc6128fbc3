namespace Sensact.Agent.Configuration;

/// <summary>A section bound to one options class.</summary>
/// <param name="OptionsType">The options class the section binds to.</param>
internal sealed record OptionsSectionNode(Type OptionsType) : SchemaNode;
