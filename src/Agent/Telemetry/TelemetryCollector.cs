using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;

namespace Sensact.Agent.Telemetry;

/// <summary>
/// Reads the agent's own instruments (the sensor hub's and the applications' meters) with a
/// <see cref="MeterListener"/> and turns them into one telemetry snapshot per interval: totals,
/// rates over the interval, and latency percentiles of the events emitted in it.
/// </summary>
internal sealed class TelemetryCollector : IDisposable
{
    private const int LatencyReservoir = 4096;

    private readonly Lock _gate = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(string Instrument, string Key), long> _totals = [];
    private readonly Dictionary<(string Instrument, string Key), long> _previous = [];
    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);

    /// <summary>Listens to <paramref name="meters"/> only (not to other instances of the same meter names).</summary>
    public TelemetryCollector(params Meter[] meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Array.IndexOf(meters, instrument.Meter) >= 0)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>Reads the instruments and returns the snapshot of the interval since the last one.</summary>
    /// <param name="interval">How long the interval was, for rates.</param>
    public JsonObject Snapshot(TimeSpan interval)
    {
        _listener.RecordObservableInstruments();
        var seconds = Math.Max(interval.TotalSeconds, 1e-9);
        lock (_gate)
        {
            var sensors = new JsonObject();
            foreach (var ((instrument, key), total) in _totals.Where(t => t.Key.Instrument == "sensact.sensor.frames").OrderBy(t => t.Key.Key, StringComparer.Ordinal))
            {
                sensors[key] = new JsonObject
                {
                    ["frames"] = total,
                    ["framesPerSecond"] = Math.Round((total - _previous.GetValueOrDefault((instrument, key))) / seconds, 2),
                    ["failures"] = _totals.GetValueOrDefault(("sensact.sensor.failures", key)),
                    ["rejected"] = Rejected(key),
                };
            }

            var consumers = new JsonObject();
            foreach (var ((_, key), delivered) in _totals.Where(t => t.Key.Instrument == "sensact.sensor.delivered").OrderBy(t => t.Key.Key, StringComparer.Ordinal))
            {
                consumers[key] = new JsonObject { ["delivered"] = delivered, ["dropped"] = _totals.GetValueOrDefault(("sensact.sensor.dropped", key)) };
            }

            var apps = new JsonObject();
            foreach (var ((instrument, key), total) in _totals.Where(t => t.Key.Instrument == "sensact.app.events").OrderBy(t => t.Key.Key, StringComparer.Ordinal))
            {
                var latencies = _latencies.GetValueOrDefault(key) ?? [];
                latencies.Sort();
                apps[key] = new JsonObject
                {
                    ["events"] = total,
                    ["eventsPerSecond"] = Math.Round((total - _previous.GetValueOrDefault((instrument, key))) / seconds, 3),
                    ["restarts"] = _totals.GetValueOrDefault(("sensact.app.restarts", key)),
                    ["latencyMs"] = latencies.Count == 0 ? null : new JsonObject
                    {
                        ["p50"] = Math.Round(Percentile(latencies, 0.50), 3),
                        ["p95"] = Math.Round(Percentile(latencies, 0.95), 3),
                        ["p99"] = Math.Round(Percentile(latencies, 0.99), 3),
                        ["max"] = Math.Round(latencies[^1], 3),
                    },
                };
                latencies.Clear();
            }

            foreach (var (key, value) in _totals)
            {
                _previous[key] = value;
            }

            return new JsonObject { ["sensors"] = sensors, ["consumers"] = consumers, ["apps"] = apps };
        }
    }

    public void Dispose() => _listener.Dispose();

    // Frames the sensor dropped before its consumers, by reason (implausible payloads, time going back).
    private JsonObject Rejected(string sensor)
    {
        var rejected = new JsonObject();
        var prefix = sensor + ReasonSeparator;
        foreach (var ((_, key), total) in _totals.Where(t => t.Key.Instrument == "sensact.sensor.rejected" && t.Key.Key.StartsWith(prefix, StringComparison.Ordinal))
                     .OrderBy(t => t.Key.Key, StringComparer.Ordinal))
        {
            rejected[key[prefix.Length..]] = total;
        }

        return rejected;
    }

    // The value at rank ceil(q * n) of the sorted values (nearest rank).
    private static double Percentile(List<double> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    // Joins a sensor and a rejection reason into one key; configuration keys cannot hold a colon.
    private const string ReasonSeparator = ":";

    private static string Key(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? sensor = null, consumer = null, app = null, reason = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "sensor": sensor = tag.Value as string; break;
                case "consumer": consumer = tag.Value as string; break;
                case "app": app = tag.Value as string; break;
                case "reason": reason = tag.Value as string; break;
            }
        }

        return app ?? (consumer is not null ? $"{sensor}->{consumer}" : reason is not null ? $"{sensor}{ReasonSeparator}{reason}" : sensor ?? string.Empty);
    }

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var key = (instrument.Name, Key(tags));
        lock (_gate)
        {
            // Observable counters report running totals; counters report increments.
            _totals[key] = instrument.IsObservable ? value : _totals.GetValueOrDefault(key) + value;
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name != "sensact.app.latency")
        {
            return;
        }

        var app = Key(tags);
        lock (_gate)
        {
            if (!_latencies.TryGetValue(app, out var values))
            {
                _latencies[app] = values = [];
            }

            if (values.Count < LatencyReservoir)
            {
                values.Add(value);
            }
        }
    }
}
