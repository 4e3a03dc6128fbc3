using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.Agent.Apps;
using Sensact.Agent.Events;
using Sensact.Agent.Mqtt;
using Sensact.Agent.Sensors;

namespace Sensact.Agent.Telemetry;

/// <summary>
/// Publishes <c>{agent}/telemetry</c> (QoS 0, not retained) every <see cref="MqttOptions.TelemetryInterval"/>
/// while connected: sensor rates, each consumer's drops, each application's event rate and latency
/// percentiles, the outbox, and the process's CPU and memory. Nothing is queued while the broker is
/// away: telemetry is about now, and must not push events out of the outbox.
/// </summary>
internal sealed class TelemetryPublisher(
    IOptions<MqttOptions> options,
    Topics topics,
    Outbox outbox,
    MqttLink link,
    AgentRun run,
    AgentSensors sensors,
    AppMetrics metrics,
    TimeProvider time) : BackgroundService
{
    private readonly TelemetryCollector _collector = new(sensors.Hub.Meter, metrics.Meter);

    public override void Dispose()
    {
        _collector.Dispose();
        base.Dispose();
    }

    /// <summary>Builds one telemetry payload for the interval that just ended.</summary>
    public byte[] Build(TimeSpan interval, TimeSpan cpuUsed)
    {
        var json = new JsonObject
        {
            ["v"] = 1,
            ["runId"] = run.Id,
            ["time"] = time.GetUtcNow(),
            ["intervalSeconds"] = interval.TotalSeconds,
        };
        foreach (var (name, section) in _collector.Snapshot(interval).ToList())
        {
            json[name] = section?.DeepClone();
        }

        json["outbox"] = new JsonObject { ["queued"] = outbox.Count, ["dropped"] = outbox.Dropped };
        using var process = Process.GetCurrentProcess();
        json["process"] = new JsonObject
        {
            ["cpuPercentOfOneCore"] = Math.Round(cpuUsed / interval * 100, 2),
            ["workingSetMiB"] = Math.Round(process.WorkingSet64 / 1048576.0, 1),
            ["gcHeapMiB"] = Math.Round(GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, 1),
        };
        return JsonSerializer.SerializeToUtf8Bytes(json, Json.Options);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TelemetryInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        var cpu = CpuTime();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = CpuTime();
                var payload = Build(interval, now - cpu);
                cpu = now;
                if (link.IsConnected)
                {
                    outbox.EnqueueControl(new MqttApplicationMessageBuilder()
                        .WithTopic(topics.Telemetry)
                        .WithPayload(payload)
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
                        .WithContentType("application/json")
                        .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
                        .Build());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
