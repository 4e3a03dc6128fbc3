using System.Globalization;
using Microsoft.Extensions.Options;
using Sensact.Agent.Events;
using Sensact.Pipelines.Events;

namespace Sensact.Agent.ConsoleView;

/// <summary>Prints each event as one readable line: time, application, label, confidence, latency, ground truth.</summary>
internal sealed class DecisionConsoleView(IOptions<ConsoleViewOptions> options, TextWriter writer) : IEventSink
{
    private readonly Lock _gate = new();

    /// <summary>Writes one line for <paramref name="appEvent"/> when the view is enabled.</summary>
    public void Publish(AppEvent appEvent)
    {
        ArgumentNullException.ThrowIfNull(appEvent);
        if (!options.Value.Enabled)
        {
            return;
        }

        var line = Format(appEvent);
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>Formats one line, e.g. <c>12:00:01.250  activity  walking      0.97     1.8 ms  truth walking</c>.</summary>
    public static string Format(AppEvent appEvent)
    {
        ArgumentNullException.ThrowIfNull(appEvent);
        var what = appEvent switch
        {
            Decision decision => string.Create(CultureInfo.InvariantCulture, $"{decision.Label,-11} {decision.Confidence,5:0.00}"),
            Anomaly anomaly => string.Create(CultureInfo.InvariantCulture, $"anomaly {anomaly.AnomalyKind} track {anomaly.TrackId} score {anomaly.Score:0.0} > {anomaly.Threshold:0.0}{(anomaly.Zone is { } zone ? $" in {zone}" : "")}"),
            _ => $"{appEvent.Kind,-17}",
        };
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{appEvent.OriginatingTime:HH:mm:ss.fff}  {appEvent.App,-9} {what}  {appEvent.Latency.TotalMilliseconds,7:0.0} ms");
        return appEvent is Decision { Truth: { } truth } ? $"{line}  truth {truth}" : line;
    }
}
