using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;
using Sensact.Pipelines.Events;

namespace Sensact.Benchmarks.Outbox;

/// <summary>
/// QoS 1 event publishing through a broker: a whole agent (the real composition root, its own
/// application turned off) in this process, <c>count</c> decisions handed to its event publisher as
/// fast as possible (or at <c>rate</c> a second), and a QoS 1 subscriber that checks every one
/// arrives, in order. Reports how fast they were produced, acknowledged by the broker (the outbox
/// empty) and delivered to the subscriber. bench/outbox-throughput.sh starts mosquitto and runs it.
/// </summary>
internal static class OutboxThroughput
{
    private static readonly Dictionary<string, float> Probabilities = new() { ["running"] = 0.0101f, ["stationary"] = 0.0023f, ["walking"] = 0.9876f };

    public static async Task RunAsync(int port, int count, int rate, string[] overrides)
    {
        var folder = Directory.CreateTempSubdirectory("sensact-bench-outbox-").FullName;
        try
        {
            await RunAsync(port, count, rate, folder, overrides);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(int port, int count, int rate, string folder, string[] options)
    {
        // --no-subscriber: only the broker's acknowledgements are measured (nobody receives the events).
        var subscribe = !options.Contains("--no-subscriber");
        var overrides = options.Where(option => option != "--no-subscriber").ToArray();
        string[] args =
        [
            "--Agent:Fleet=bench", "--Agent:Id=throughput", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={port}",
            "--ConsoleView:Enabled=false", "--Apps:activity:Enabled=false", "--Mqtt:TelemetryInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning", $"--Mqtt:Outbox:Directory={folder}", "--Mqtt:Outbox:MaxBytes=1073741824",
            .. overrides,
        ];
        using var host = AgentHost.Build(AgentCommandLine.Parse(args));
        await host.StartAsync();
        var outbox = host.Services.GetRequiredService<Sensact.Agent.Mqtt.Outbox>();
        var publisher = host.Services.GetRequiredService<EventPublisher>();
        var link = host.Services.GetRequiredService<MqttLink>();
        while (!link.IsConnected)
        {
            await Task.Delay(20);
        }

        var subscriber = new SequenceSubscriber(count);
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += received =>
        {
            subscriber.Receive(received.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        if (subscribe)
        {
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
            await client.SubscribeAsync("sensact/v1/bench/throughput/events/#", MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var produced = await Task.Factory.StartNew(() => Produce(publisher, count, rate), TaskCreationOptions.LongRunning);
        while (outbox.Count > 0 && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(5);
        }

        var acked = clock.Elapsed;
        if (subscribe)
        {
            await subscriber.AllReceived.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var delivered = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await host.StopAsync();

        var settings = options.Length == 0 ? "defaults" : string.Join(' ', options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings}: {count} events{(rate > 0 ? $" offered at {rate}/s" : string.Empty)}; produced {count / produced.TotalSeconds:0} /s, " +
            $"acknowledged {count / acked.TotalSeconds:0} /s, delivered {subscriber.Unique / delivered.TotalSeconds:0} /s; " +
            $"received {subscriber.Unique} ({count - subscriber.Unique} missing, {subscriber.Duplicates} duplicates, {subscriber.OutOfOrder} out of order), " +
            $"outbox dropped {outbox.Dropped}, durable {outbox.IsDurable}; process CPU {cpuUsed.TotalSeconds / delivered.TotalSeconds * 100:0}% of one core, {count / cpuUsed.TotalSeconds:0} events per CPU-second"));
    }

    private static TimeSpan Produce(EventPublisher publisher, int count, int rate)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (rate > 0)
            {
                // Offered at a steady rate: wait (yielding) until this event is due.
                var due = TimeSpan.FromSeconds((double)i / rate);
                while (clock.Elapsed < due)
                {
                    Thread.Yield();
                }
            }

            publisher.Publish(new Decision("load", "walking", 0.9876f, TimeSpan.FromMilliseconds(0.5), TimeProvider.System.GetUtcNow(), "imu", i, Probabilities)
            {
                Truth = "walking",
            });
        }

        return clock.Elapsed;
    }

    private sealed class SequenceSubscriber(int count)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HashSet<long> _seen = [];
        private long _last = -1;

        public Task AllReceived => _all.Task;

        public int Unique => _seen.Count;

        public int Duplicates { get; private set; }

        public int OutOfOrder { get; private set; }

        public void Receive(System.Buffers.ReadOnlySequence<byte> payload)
        {
            var reader = new Utf8JsonReader(payload);
            var sequence = -1L;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("sequence"u8))
                {
                    reader.Read();
                    sequence = reader.GetInt64();
                    break;
                }
            }

            if (!_seen.Add(sequence))
            {
                Duplicates++;
            }
            else if (sequence < _last)
            {
                OutOfOrder++;
            }

            _last = Math.Max(_last, sequence);
            if (_seen.Count == count)
            {
                _all.TrySetResult();
            }
        }
    }
}
