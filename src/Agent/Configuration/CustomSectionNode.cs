using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Configuration;

/// <summary>A section with its own rules, checked by a function that returns one message per problem.</summary>
/// <param name="Check">Returns the problems of the section it is given, each naming its full key.</param>
internal sealed record CustomSectionNode(Func<IConfigurationSection, IEnumerable<string>> Check) : SchemaNode;
