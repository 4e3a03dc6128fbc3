namespace Sensact.Agent.Mqtt;

/// <summary>Checks <see cref="OutboxOptions"/> (part of <see cref="MqttOptionsValidator"/>).</summary>
internal static class OutboxOptionsValidator
{
    private const long MinBytes = 64 * 1024;

    public static void Check(OutboxOptions options, List<string> failures)
    {
        if (options.MaxBytes < MinBytes)
        {
            failures.Add($"Mqtt:Outbox:MaxBytes must be at least {MinBytes} (got {options.MaxBytes}).");
        }

        if (options.SegmentBytes < MinBytes || options.SegmentBytes > int.MaxValue)
        {
            failures.Add($"Mqtt:Outbox:SegmentBytes must be between {MinBytes} and {int.MaxValue} (got {options.SegmentBytes}).");
        }

        if (!Enum.IsDefined(options.Fsync))
        {
            failures.Add($"Mqtt:Outbox:Fsync must be Always, Interval or Never (got {options.Fsync}).");
        }

        if (options.FsyncInterval < TimeSpan.FromMilliseconds(10) || options.FsyncInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Mqtt:Outbox:FsyncInterval must be between 00:00:00.010 and 00:10:00 (got {options.FsyncInterval}).");
        }

        if (options.MaxInFlight is < 1 or > ushort.MaxValue)
        {
            failures.Add($"Mqtt:Outbox:MaxInFlight must be between 1 and 65535 (got {options.MaxInFlight}).");
        }

        if (options.Directory is { Length: > 0 } folder && folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Mqtt:Outbox:Directory '{folder}' is not a valid path.");
        }
    }
}
