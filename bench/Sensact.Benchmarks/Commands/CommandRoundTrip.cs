using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Sensact.Benchmarks.Commands;

/// <summary>
/// The <c>status</c> command's round trip through a broker, as an operator's MQTT 5 client sees it:
/// sequential requests for the latency percentiles, then a burst of concurrent ones that must all be
/// answered. Run against a running agent (bench/command-rtt.sh starts mosquitto and one).
/// </summary>
internal static class CommandRoundTrip
{
    public static async Task RunAsync(int port, string topicRoot, int count, int concurrent)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var pending = new ConcurrentDictionary<string, TaskCompletionSource>();
        client.ApplicationMessageReceivedAsync += args =>
        {
            if (pending.TryRemove(Encoding.UTF8.GetString(args.ApplicationMessage.CorrelationData), out var done))
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        var replyTopic = $"bench/replies/{Guid.NewGuid():N}";
        await client.SubscribeAsync(replyTopic, MqttQualityOfServiceLevel.AtLeastOnce);

        Task Request(string id)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = done;
            var message = new MqttApplicationMessageBuilder()
                .WithTopic($"{topicRoot}/cmd/status")
                .WithPayload("{}")
                .WithResponseTopic(replyTopic)
                .WithCorrelationData(Encoding.UTF8.GetBytes(id))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            return client.PublishAsync(message).ContinueWith(_ => done.Task, TaskScheduler.Default).Unwrap();
        }

        for (var i = 0; i < 20; i++)
        {
            await Request($"warm-{i}").WaitAsync(TimeSpan.FromSeconds(10));
        }

        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await Request($"seq-{i}").WaitAsync(TimeSpan.FromSeconds(10));
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        double At(double q) => times[Math.Clamp((int)Math.Ceiling(q * count) - 1, 0, count - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"status round trip, {count} sequential: p50 {At(0.5):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {times[^1]:0.00} ms"));

        var burst = Stopwatch.StartNew();
        var all = Enumerable.Range(0, concurrent).Select(i => Request($"burst-{i}")).ToList();
        var answered = 0;
        try
        {
            await Task.WhenAll(all).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // Counted below.
        }

        answered = all.Count(t => t.IsCompletedSuccessfully);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrent} concurrent status requests: {answered} answered in {burst.Elapsed.TotalMilliseconds:0} ms"));
    }
}
