namespace Sensact.Agent.Mqtt;

/// <summary>When the durable outbox asks the operating system to put its writes on the disk (<c>fsync</c>).</summary>
public enum OutboxFsync
{
    /// <summary>After every event: a power cut loses nothing that was queued, at the cost of one disk flush per event.</summary>
    Always,

    /// <summary>Every <see cref="OutboxOptions.FsyncInterval"/>: a power cut loses at most that much of the latest events.</summary>
    Interval,

    /// <summary>Never: the kernel writes back when it likes (about 30 s on Linux); a power cut loses what it has not written.</summary>
    Never,
}
