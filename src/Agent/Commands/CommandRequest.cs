namespace Sensact.Agent.Commands;

/// <summary>A command as it arrived: its name, payload and where the reply goes.</summary>
/// <param name="Name">The command's name (the topic's last level).</param>
/// <param name="Payload">The payload, UTF-8 JSON (empty means <c>{}</c>).</param>
/// <param name="ResponseTopic">MQTT 5's Response Topic, or null (then the payload's <c>replyTo</c>).</param>
/// <param name="CorrelationData">MQTT 5's Correlation Data, echoed in the reply, or null.</param>
internal sealed record CommandRequest(string Name, ReadOnlyMemory<byte> Payload, string? ResponseTopic, ReadOnlyMemory<byte>? CorrelationData);
