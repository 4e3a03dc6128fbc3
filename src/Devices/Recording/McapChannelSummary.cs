namespace Sensact.Devices.Recording;

/// <summary>What an MCAP file holds on one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Schema">Its schema, or <c>null</c> for a schemaless channel.</param>
/// <param name="Messages">How many messages it has.</param>
/// <param name="FirstLogTime">The log time of its first message (0 when it has none).</param>
/// <param name="LastLogTime">The log time of its last message (0 when it has none).</param>
public sealed record McapChannelSummary(McapChannel Channel, McapSchema? Schema, long Messages, ulong FirstLogTime, ulong LastLogTime);
