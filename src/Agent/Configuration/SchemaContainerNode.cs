namespace Sensact.Agent.Configuration;

/// <summary>
/// A key that only holds other registered keys: <c>Imu</c> when <c>Imu:Replay</c> is registered.
/// </summary>
/// <param name="Children">The registered keys under it, matched case-insensitively.</param>
internal sealed record SchemaContainerNode(Dictionary<string, SchemaNode> Children) : SchemaNode
{
    public SchemaContainerNode()
        : this(new Dictionary<string, SchemaNode>(StringComparer.OrdinalIgnoreCase))
    {
    }
}
