namespace Sensact.Agent.Configuration;

/// <summary>
/// A section of user-named entries, each bound to the options class its selector key picks:
/// <c>Sensors:{name}</c> with <c>Driver</c> picking the class.
/// </summary>
/// <param name="SelectorKey">The key inside each entry that picks its options class.</param>
/// <param name="Noun">What a selector value is called in messages ("driver", "kind").</param>
/// <param name="TypesBySelector">The options class for each selector value, matched case-insensitively.</param>
internal sealed record NamedSectionsNode(string SelectorKey, string Noun, IReadOnlyDictionary<string, Type> TypesBySelector) : SchemaNode;
