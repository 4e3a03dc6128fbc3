namespace Sensact.Agent.Mqtt;

/// <summary>The durable outbox of QoS 1 events: configuration section <c>Mqtt:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// Gets or sets the folder of the outbox's segment files. Empty (the default) means
    /// <c>outbox</c> in the agent's data directory: systemd's <c>$STATE_DIRECTORY</c> when set, otherwise
    /// <c>state/</c> in the agent's folder. A relative path is resolved like the other paths.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Gets or sets whether events are kept on disk. Without it the outbox lives in memory only and an
    /// agent that stops while the broker is away loses what it holds.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>
    /// Gets or sets how many bytes of events the outbox holds (on disk and in memory) before it drops
    /// the oldest; every drop is counted, logged and shown in the status.
    /// </summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets the size at which a segment file is closed and the next one started.</summary>
    public long SegmentBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Gets or sets when writes are flushed to the disk.</summary>
    public OutboxFsync Fsync { get; set; } = OutboxFsync.Interval;

    /// <summary>
    /// Gets or sets how often the outbox flushes to the disk under <see cref="OutboxFsync.Interval"/>, and
    /// how often it records how far the broker has acknowledged (under every policy).
    /// </summary>
    public TimeSpan FsyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets how many events may await the broker's acknowledgement at once; the broker's own
    /// Receive Maximum (MQTT 5) lowers it.
    /// </summary>
    public int MaxInFlight { get; set; } = 64;
}
