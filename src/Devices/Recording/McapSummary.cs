namespace Sensact.Devices.Recording;

/// <summary>The channels of an MCAP file with their schemas and message counts, read by going through the file once.</summary>
/// <param name="Channels">Every channel, in the order they were defined.</param>
/// <param name="Truncated">Whether the file was cut short (a recording that was not closed).</param>
public sealed record McapSummary(IReadOnlyList<McapChannelSummary> Channels, bool Truncated)
{
    /// <summary>Reads the summary of the file at <paramref name="path"/>, tolerating a truncated tail.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="InvalidDataException">The file is not an MCAP file, or a record is malformed.</exception>
    /// <exception cref="NotSupportedException">The file has compressed chunks.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static McapSummary Read(string path)
    {
        using var reader = McapReader.Open(path);
        var counts = new Dictionary<ushort, (long Messages, ulong First, ulong Last)>();
        while (reader.TryReadMessage(out var message))
        {
            counts[message.ChannelId] = counts.TryGetValue(message.ChannelId, out var seen)
                ? (seen.Messages + 1, seen.First, message.LogTime)
                : (1, message.LogTime, message.LogTime);
        }

        var channels = reader.Channels.Values.Select(channel =>
        {
            var (messages, first, last) = counts.GetValueOrDefault(channel.Id);
            return new McapChannelSummary(channel, reader.Schemas.GetValueOrDefault(channel.SchemaId), messages, first, last);
        });
        return new McapSummary([.. channels], reader.Truncated);
    }

    /// <summary>Finds a channel by topic (exact, then ignoring case).</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The channel, or <c>null</c>.</returns>
    public McapChannelSummary? Find(string topic) =>
        Channels.FirstOrDefault(c => string.Equals(c.Channel.Topic, topic, StringComparison.Ordinal))
        ?? Channels.FirstOrDefault(c => string.Equals(c.Channel.Topic, topic, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds the channel a replay would play, or says why there is none, naming the channels found.</summary>
    /// <param name="topic">The channel's topic (the sensor's name unless <c>Channel</c> is set).</param>
    /// <param name="problem">Why there is nothing to replay, when the result is <c>null</c>.</param>
    /// <returns>The channel, with at least one message; or <c>null</c>.</returns>
    public McapChannelSummary? FindReplayable(string topic, out string problem)
    {
        var channel = Find(topic);
        var found = Channels.Count == 0
            ? "it has none"
            : "channels found: " + string.Join(", ", Channels.Select(c => $"'{c.Channel.Topic}' ({c.Schema?.Name ?? "no schema"}, {c.Messages} messages)"));
        problem = channel is null ? $"the recording has no channel '{topic}'; {found}."
            : channel.Messages == 0 ? $"channel '{topic}' of the recording has no message."
            : string.Empty;
        return problem.Length == 0 ? channel : null;
    }
}
