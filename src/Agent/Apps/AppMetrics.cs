using System.Diagnostics.Metrics;
using Sensact.Pipelines.Events;

namespace Sensact.Agent.Apps;

/// <summary>
/// The applications' instruments (meter <see cref="MeterName"/>): <c>sensact.app.events</c> (tags
/// <c>app</c>, <c>kind</c>), <c>sensact.app.latency</c> in milliseconds (tag <c>app</c>) and
/// <c>sensact.app.restarts</c> (tag <c>app</c>).
/// </summary>
internal sealed class AppMetrics : IDisposable
{
    /// <summary>The name of the applications' meter.</summary>
    public const string MeterName = "Sensact.Apps";

    private readonly Counter<long> _events;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _restarts;

    public AppMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _events = Meter.CreateCounter<long>("sensact.app.events", "{event}", "Events an application emitted");
        _latency = Meter.CreateHistogram<double>("sensact.app.latency", "ms", "From an event's originating time to its emission");
        _restarts = Meter.CreateCounter<long>("sensact.app.restarts", "{restart}", "Times an application was restarted after failing");
    }

    /// <summary>Gets the applications' meter.</summary>
    public Meter Meter { get; }

    public void Emitted(AppEvent appEvent)
    {
        var app = new KeyValuePair<string, object?>("app", appEvent.App);
        _events.Add(1, app, new KeyValuePair<string, object?>("kind", appEvent.Kind));
        _latency.Record(appEvent.Latency.TotalMilliseconds, app);
    }

    public void Restarted(string app) => _restarts.Add(1, new KeyValuePair<string, object?>("app", app));

    public void Dispose() => Meter.Dispose();
}
