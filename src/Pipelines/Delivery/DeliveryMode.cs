namespace Sensact.Pipelines.Delivery;

/// <summary>What a delivery boundary does when its consumer is slower than its producer.</summary>
public enum DeliveryMode
{
    /// <summary>Keep only the newest pending item; a new item replaces (drops) the one still waiting.</summary>
    LatestOnly,

    /// <summary>Keep at most <see cref="DeliveryPolicy.Capacity"/> pending items; when full, drop the oldest pending one.</summary>
    DropOldest,

    /// <summary>Keep at most <see cref="DeliveryPolicy.Capacity"/> pending items; when full, drop the incoming one.</summary>
    DropNewest,

    /// <summary>Pass one item, then drop every item until <see cref="DeliveryPolicy.Interval"/> has passed.</summary>
    Throttle,
}
