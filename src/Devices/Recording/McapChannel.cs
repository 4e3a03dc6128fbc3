namespace Sensact.Devices.Recording;

/// <summary>An MCAP Channel record: one stream of messages in a file.</summary>
/// <param name="Id">The channel's id in its file.</param>
/// <param name="SchemaId">The id of the schema of its messages.</param>
/// <param name="Topic">The channel's topic; Sensact writes the sensor's name.</param>
/// <param name="MessageEncoding">How messages are encoded, for example <c>sensact</c>.</param>
/// <param name="Metadata">Further key-value pairs (Sensact writes <c>sampleRateHz</c> for sensors with a fixed rate).</param>
public sealed record McapChannel(ushort Id, ushort SchemaId, string Topic, string MessageEncoding, IReadOnlyDictionary<string, string> Metadata);
