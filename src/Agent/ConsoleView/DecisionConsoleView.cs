using System.Globalization;
using Microsoft.Extensions.Options;
using Sensact.Pipelines.Decisions;

namespace Sensact.Agent.ConsoleView;

/// <summary>Prints each decision as one readable line: time, pipeline, label, confidence, latency.</summary>
internal sealed class DecisionConsoleView(IOptions<ConsoleViewOptions> options, TextWriter writer)
{
    private readonly Lock _gate = new();

    /// <summary>Writes one line for <paramref name="decision"/>; <paramref name="truth"/> is the replayed ground truth, if known.</summary>
    public void Show(Decision decision, string? truth = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!options.Value.Enabled)
        {
            return;
        }

        var line = Format(decision, truth);
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>Formats one decision line, e.g. <c>12:00:01.250  activity  walking      0.97   1.8 ms  truth walking</c>.</summary>
    public static string Format(Decision decision, string? truth = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{decision.OriginatingTime:HH:mm:ss.fff}  {decision.Pipeline,-9} {decision.Label,-11} {decision.Confidence,5:0.00}  {decision.Latency.TotalMilliseconds,7:0.0} ms");
        return truth is null ? line : $"{line}  truth {truth}";
    }
}
