using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>An MQTT subscriber that records what arrives, for assertions with a deadline.</summary>
internal sealed class TopicRecorder : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<Received> _messages = new();

    private TopicRecorder()
    {
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            _messages.Enqueue(new Received(message.Topic, Encoding.UTF8.GetString(message.Payload), message.Retain));
            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<Received> Messages => _messages.ToArray();

    public static async Task<TopicRecorder> SubscribeAsync(int port, string filter, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var recorder = new TopicRecorder();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId($"test-{Guid.NewGuid():N}")
            .WithProtocolVersion(version)
            .WithCleanSession(true)
            .Build();
        await recorder._client.ConnectAsync(options, TestContext.Current.CancellationToken);
        await recorder._client.SubscribeAsync(filter, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        return recorder;
    }

    /// <summary>Waits until <paramref name="count"/> messages match, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<Received, bool> match, int count, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var found = Messages.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Expected {count} matching message(s) within {timeout}, got {found.Count}. Received: "
                    + string.Join(" | ", Messages.TakeLast(5).Select(m => $"{m.Topic} {m.Payload}")));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker went away first (an embedded broker stops with its agent): nothing to say goodbye to.
        }

        _client.Dispose();
    }

    internal sealed record Received(string Topic, string Payload, bool Retained)
    {
        public JsonElement Json => JsonDocument.Parse(Payload).RootElement;
    }
}
