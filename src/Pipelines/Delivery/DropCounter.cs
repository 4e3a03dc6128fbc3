namespace Sensact.Pipelines.Delivery;

/// <summary>
/// Counts what a delivery boundary handed to its consumer and what it dropped; safe to read from any
/// thread while the stream runs (for metrics and telemetry).
/// </summary>
public sealed class DropCounter
{
    private long _delivered;
    private long _dropped;

    /// <summary>Creates a counter with both counts at zero.</summary>
    /// <param name="name">The boundary's name, shown in logs and metrics (for example <c>imu-&gt;activity</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <c>null</c>.</exception>
    public DropCounter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>Gets the boundary's name.</summary>
    public string Name { get; }

    /// <summary>Gets how many items were handed to the consumer.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Gets how many items were dropped by the delivery policy.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Describes the counts, for example <c>imu: delivered 120, dropped 3</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => FormattableString.Invariant($"{Name}: delivered {Delivered}, dropped {Dropped}");

    internal void AddDelivered() => Interlocked.Increment(ref _delivered);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);
}
