using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Sensact.Agent.Apps;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Commands;

/// <summary>
/// 10,000 random and mutated payloads through a real Mosquitto onto every command topic: every one
/// is answered with a JSON reply, the agent stays up and connected, and its configuration stays valid.
/// </summary>
public sealed class CommandFuzzTests
{
    private const int Requests = 10_000;
    private const int Batch = 50;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly (string Command, string[] Seeds)[] Topics =
    [
        ("status", ["{}"]),
        ("apps.list", ["{}"]),
        ("config.get", ["{}", """{"key":"Apps:activity"}""", """{"key":"Mqtt"}"""]),
        ("config.set", ["""{"key":"Apps:activity:MinConfidence","value":0.5}""", """{"key":"Apps:activity:Model","value":"models/activity/activity-classifier.onnx"}"""]),
        ("model.swap", ["""{"app":"activity","model":"models/activity/activity-classifier.onnx"}"""]),
        ("app.start", ["""{"app":"activity"}"""]),
        ("app.stop", ["""{"app":"activity"}"""]),
        ("no.such.command", ["{}"]),
    ];

    [Fact]
    public async Task EveryCommandTopic_TenThousandRandomAndMutatedPayloads_EachAnsweredAndTheAgentStaysValid()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var agent = await AgentUnderTest.StartAsync("fuzzed", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}");
        await agent.WaitUntilConnectedAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        var replies = new ConcurrentDictionary<int, JsonElement>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            var id = BitConverter.ToInt32(e.ApplicationMessage.CorrelationData);
            replies[id] = JsonDocument.Parse(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)).RootElement.Clone();
            return Task.CompletedTask;
        };
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("fuzzer").WithProtocolVersion(MqttProtocolVersion.V500).Build(),
            TestContext.Current.CancellationToken);
        await client.SubscribeAsync("fuzz/replies", MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        var random = new Random(9);

        for (var sent = 0; sent < Requests; sent += Batch)
        {
            for (var id = sent; id < sent + Batch; id++)
            {
                var (command, seeds) = Topics[random.Next(Topics.Length)];
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic($"{agent.TopicRoot}/cmd/{command}")
                    .WithPayload(Payload(random, seeds[random.Next(seeds.Length)], id))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithResponseTopic("fuzz/replies")
                    .WithCorrelationData(BitConverter.GetBytes(id))
                    .Build();
                await client.PublishAsync(message, TestContext.Current.CancellationToken);
            }

            var last = sent + Batch;
            await AgentUnderTest.WaitUntilAsync(() => replies.Count >= last, Deadline);
        }

        Assert.Equal(Requests, replies.Count);
        Assert.All(replies.Values, reply => Assert.Contains(reply.GetProperty("ok").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False }));
        Assert.True(agent.Link.IsConnected);
        Assert.InRange(double.Parse(agent.Command("config.get", """{"key":"Apps:activity:MinConfidence"}""")!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        agent.Command("app.start", """{"app":"activity"}""");
        await AgentUnderTest.WaitUntilAsync(() => agent.Apps.Snapshot()["activity"].State == AppState.Running, Deadline);
    }

    // Half the payloads are a seed with one to three bytes changed, a seventh are random bytes, a few are oversized.
    private static byte[] Payload(Random random, string seed, int id)
    {
        if (id % 997 == 0)
        {
            return Encoding.UTF8.GetBytes($"{{\"pad\":\"{new string('x', 70_000)}\"}}");
        }

        if (id % 7 == 0)
        {
            var noise = new byte[random.Next(0, 256)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = Encoding.UTF8.GetBytes(seed);
        if (id % 2 == 1)
        {
            for (var m = random.Next(1, 4); m > 0 && bytes.Length > 0; m--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
        }

        return bytes;
    }
}
