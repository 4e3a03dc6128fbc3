using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// Empties the outbox over a connected client: control messages (command replies, telemetry) first,
/// then events in order with up to a window of them awaiting the broker's acknowledgement at once.
/// Publishes leave in the order they were started (the client sends them in order; a broker delivers
/// one client's messages in order), and acknowledgements are taken in that order too, so the outbox
/// only ever drops a prefix of what it holds. A failure puts the unacknowledged events back.
/// </summary>
internal sealed partial class OutboxSender(Outbox outbox, ILogger logger)
{
    /// <summary>Sends until the outbox is empty; throws (with the unacknowledged events put back) when a publish fails.</summary>
    public async Task SendAsync(IMqttClient client, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var inFlight = new Queue<(long Id, string Topic, Task<MqttClientPublishResult> Publish)>(window);
        try
        {
            while (true)
            {
                while (outbox.TryPeekControl(out var control))
                {
                    Check(control.Topic, await client.PublishAsync(control, cancellationToken).ConfigureAwait(false));
                    outbox.RemoveControl(control);
                }

                while (inFlight.Count < window && outbox.TryTakeEvent(out var record))
                {
                    var message = record.ToMessage();
                    inFlight.Enqueue((record.Id, message.Topic, client.PublishAsync(message, cancellationToken)));
                }

                if (!inFlight.TryDequeue(out var oldest))
                {
                    return;
                }

                Check(oldest.Topic, await oldest.Publish.ConfigureAwait(false));
                outbox.Acknowledge(oldest.Id);
            }
        }
        catch
        {
            outbox.Rewind();
            foreach (var (_, _, publish) in inFlight)
            {
                // They fail with the connection; nobody awaits them any more.
                _ = publish.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            throw;
        }
    }

    private void Check(string topic, MqttClientPublishResult result)
    {
        // A refused message is not sent again: the broker would refuse it again (an ACL, a bad topic).
        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            LogPublishRefused(topic, result.ReasonCode.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker refused a publish on {Topic}: {Reason}")]
    private partial void LogPublishRefused(string topic, string reason);
}
