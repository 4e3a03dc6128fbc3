using static System.FormattableString;

namespace Sensact.Pipelines.Delivery;

/// <summary>
/// How items cross a boundary where a slow consumer meets a fast producer: which items are dropped
/// so that the producer never blocks and no queue grows without bound.
/// </summary>
/// <remarks>
/// Settable so that it binds from configuration; <see cref="Validate"/> reports bad values. The
/// <c>Deliver</c> stage copies the values when it is called, so changing a policy later does not
/// affect streams already built.
/// </remarks>
public sealed class DeliveryPolicy
{
    /// <summary>Gets or sets what is dropped when the consumer falls behind.</summary>
    public DeliveryMode Mode { get; set; } = DeliveryMode.LatestOnly;

    /// <summary>
    /// Gets or sets how many items may wait for the consumer under <see cref="DeliveryMode.DropOldest"/>
    /// and <see cref="DeliveryMode.DropNewest"/>; the other modes keep at most one.
    /// </summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Gets or sets the minimum time between two items passed under <see cref="DeliveryMode.Throttle"/>.</summary>
    public TimeSpan Interval { get; set; }

    /// <summary>Creates a policy that keeps only the newest pending item.</summary>
    /// <returns>The policy.</returns>
    public static DeliveryPolicy LatestOnly() => new() { Mode = DeliveryMode.LatestOnly, Capacity = 1 };

    /// <summary>Creates a policy that keeps up to <paramref name="capacity"/> pending items, dropping the oldest.</summary>
    /// <param name="capacity">How many items may wait; at least 1.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public static DeliveryPolicy DropOldest(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new() { Mode = DeliveryMode.DropOldest, Capacity = capacity };
    }

    /// <summary>Creates a policy that keeps up to <paramref name="capacity"/> pending items, dropping incoming ones when full.</summary>
    /// <param name="capacity">How many items may wait; at least 1.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public static DeliveryPolicy DropNewest(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new() { Mode = DeliveryMode.DropNewest, Capacity = capacity };
    }

    /// <summary>Creates a policy that passes one item, then drops items until <paramref name="interval"/> has passed.</summary>
    /// <param name="interval">The minimum time between two passed items; greater than zero.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is zero or negative.</exception>
    public static DeliveryPolicy Throttle(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new() { Mode = DeliveryMode.Throttle, Interval = interval };
    }

    /// <summary>Checks the values, naming each bad one by its configuration key.</summary>
    /// <returns>One message per bad value; empty when the policy is valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Mode))
        {
            errors.Add(Invariant($"Mode must be one of {string.Join(", ", Enum.GetNames<DeliveryMode>())} (got {(int)Mode})."));
        }

        if (Mode is DeliveryMode.DropOldest or DeliveryMode.DropNewest && Capacity < 1)
        {
            errors.Add(Invariant($"Capacity must be at least 1 (got {Capacity})."));
        }

        if (Mode == DeliveryMode.Throttle && Interval <= TimeSpan.Zero)
        {
            errors.Add(Invariant($"Interval must be greater than 0 (got {Interval})."));
        }

        return errors;
    }

    /// <summary>Names the policy, for logs and metrics: <c>latest-only</c>, <c>drop-oldest(64)</c>, <c>drop-newest(8)</c>, <c>throttle(250ms)</c>.</summary>
    /// <returns>The policy's name.</returns>
    public override string ToString() => Mode switch
    {
        DeliveryMode.LatestOnly => "latest-only",
        DeliveryMode.DropOldest => Invariant($"drop-oldest({Capacity})"),
        DeliveryMode.DropNewest => Invariant($"drop-newest({Capacity})"),
        DeliveryMode.Throttle => Invariant($"throttle({Interval.TotalMilliseconds}ms)"),
        _ => Invariant($"unknown({(int)Mode})"),
    };
}
