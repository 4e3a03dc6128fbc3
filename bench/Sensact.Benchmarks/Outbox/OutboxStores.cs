using System.Diagnostics;
using System.Globalization;
using FASTER.core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.Agent.Mqtt;
using Sensact.Pipelines.Events;
using AgentOutbox = Sensact.Agent.Mqtt.Outbox;

namespace Sensact.Benchmarks.Outbox;

/// <summary>
/// Appends a second of one real event (about 330 bytes of JSON on its topic) to each candidate store
/// for the durable outbox, in one thread, and prints appends/s: the agent's own segment log (through
/// <c>Outbox.Enqueue</c>, which also keeps the event in memory), SQLite through Microsoft.Data.Sqlite
/// (WAL, one insert a transaction) and Microsoft.FASTER.Core's <c>FasterLog</c>. Each line says what an
/// append survives when it returns: a killed process (the bytes are in the kernel) or a power cut
/// (fsync'd). The event's JSON is made once, outside the timing, then on its own line.
/// </summary>
internal static class OutboxStores
{
    public static void Run(int count)
    {
        var decision = new Decision("activity", "walking", 0.9876f, TimeSpan.FromMilliseconds(0.5), TimeProvider.System.GetUtcNow(), "imu", 41,
            new Dictionary<string, float> { ["running"] = 0.0101f, ["stationary"] = 0.0023f, ["walking"] = 0.9876f }) { Truth = "walking" };
        var payload = EventPublisher.Serialize(decision, "3f9c0a7d5e21b846");
        var message = new MqttApplicationMessageBuilder().WithTopic("sensact/v1/demo/agent-1/events/activity").WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithContentType("application/json").Build();
        Console.WriteLine($"event: {payload.Length} bytes of JSON; {count} appends a store ({count / 20} where every append is fsync'd)");

        Measure("EventPublisher.Serialize (the JSON, for scale)", count, _ => () => EventPublisher.Serialize(decision, "3f9c0a7d5e21b846"));
        foreach (var fsync in new[] { OutboxFsync.Interval, OutboxFsync.Never, OutboxFsync.Always })
        {
            Measure($"segment log, Fsync={fsync}: {(fsync == OutboxFsync.Always ? "survives a power cut" : "survives a kill")}", fsync == OutboxFsync.Always ? count / 20 : count, folder =>
            {
                var outbox = AgentOutbox.Open(new OutboxOptions { MaxBytes = 1L << 30, Fsync = fsync }, folder, TimeProvider.System, NullLogger<AgentOutbox>.Instance);
                return () => outbox.Enqueue(message);
            });
        }

        foreach (var synchronous in new[] { "NORMAL", "FULL" })
        {
            Measure($"SQLite WAL, synchronous={synchronous}, one insert a transaction: {(synchronous == "FULL" ? "survives a power cut" : "survives a kill")}", synchronous == "FULL" ? count / 20 : count, folder =>
            {
                var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "outbox.db")}");
                connection.Open();
                using (var setup = connection.CreateCommand())
                {
                    setup.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; CREATE TABLE outbox (id INTEGER PRIMARY KEY, topic TEXT NOT NULL, payload BLOB NOT NULL);";
                    setup.ExecuteNonQuery();
                }

                var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO outbox (topic, payload) VALUES ($topic, $payload)";
                var topic = insert.Parameters.Add("$topic", SqliteType.Text);
                var blob = insert.Parameters.Add("$payload", SqliteType.Blob);
                insert.Prepare();
                return () =>
                {
                    topic.Value = message.Topic;
                    blob.Value = payload;
                    insert.ExecuteNonQuery();
                };
            });
        }

        foreach (var commitEach in new[] { false, true })
        {
            Measure($"FASTER log, {(commitEach ? "Commit(spinWait) each append: survives a power cut" : "Enqueue only (a commit a second): a kill loses up to a second")}", commitEach ? count / 20 : count, folder =>
            {
                var device = FASTER.core.Devices.CreateLogDevice(Path.Combine(folder, "outbox.log"));
                var log = new FasterLog(new FasterLogSettings { LogDevice = device, LogCommitDir = folder, MemorySizeBits = 24, PageSizeBits = 20 });
                var record = new byte[message.Topic.Length + payload.Length];
                return () =>
                {
                    log.Enqueue(record);
                    if (commitEach)
                    {
                        log.Commit(spinWait: true);
                    }
                };
            });
        }
    }

    private static void Measure(string name, int count, Func<string, Action> setUp)
    {
        var folder = Directory.CreateTempSubdirectory("sensact-bench-store-").FullName;
        try
        {
            var append = setUp(folder);
            for (var i = 0; i < Math.Min(1000, count / 10); i++)
            {
                append(); // warm-up
            }

            // Other people's builds share the machine: CPU time (the whole process's) says more than the clock.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                append();
            }

            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {count / clock.Elapsed.TotalSeconds:0} appends/s ({clock.Elapsed.TotalMicroseconds / count:0.0} µs each), {count / used.TotalSeconds:0} appends per CPU-second"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
