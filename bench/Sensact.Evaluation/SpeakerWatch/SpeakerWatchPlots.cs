using ScottPlot;

namespace Sensact.Evaluation.SpeakerWatch;

/// <summary>speaker-watch's PNG plots: latency distributions per strategy, accuracy against the exit threshold.</summary>
internal static class SpeakerWatchPlots
{
    private const string FontName = "DejaVu Sans";

    private static readonly Lazy<bool> FontLoaded = new(() =>
    {
        Fonts.AddFontFile(FontName, Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf"));
        return true;
    });

    /// <summary>Writes the plots and returns their paths relative to docs/ (<c>{folder name}/{file}</c>).</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<StrategyTally> tallies, IReadOnlyList<ExitSweep.Point> sweep)
    {
        Directory.CreateDirectory(folder);
        _ = FontLoaded.Value;
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var files = new List<string>();

        foreach (var (file, title, pick) in new (string, string, Func<StrategyTally, List<double>>)[]
        {
            ("speaker-watch-end-to-end.png", "speaker-watch: end-to-end latency per window", t => t.EndToEndMs),
            ("speaker-watch-post-sensing.png", "speaker-watch: post-sensing latency per window", t => t.PostSensingMs),
        })
        {
            var plot = new Plot();
            plot.Font.Set(FontName);
            foreach (var tally in tallies)
            {
                var sorted = pick(tally).Order().ToArray();
                if (sorted.Length == 0)
                {
                    continue;
                }

                var share = Enumerable.Range(1, sorted.Length).Select(i => 100.0 * i / sorted.Length).ToArray();
                var line = plot.Add.ScatterLine(sorted, share);
                line.LegendText = tally.Name;
                line.LineWidth = 2;
            }

            plot.Title(title);
            plot.XLabel("latency (ms)");
            plot.YLabel("windows decided within (%)");
            plot.ShowLegend(Alignment.LowerRight);
            plot.SavePng(Path.Combine(folder, file), 800, 480);
            files.Add($"{name}/{file}");
        }

        var sweepPlot = new Plot();
        sweepPlot.Font.Set(FontName);
        var xs = sweep.Select(p => (double)p.Threshold).ToArray();
        var accuracy = sweepPlot.Add.Scatter(xs, sweep.Select(p => 100 * p.Accuracy).ToArray());
        accuracy.LegendText = "accuracy (%)";
        var units = sweepPlot.Add.Scatter(xs, sweep.Select(p => 100 * p.UnitsEncoded).ToArray());
        units.LegendText = "units encoded (%)";
        sweepPlot.Title("speaker-watch: early exit threshold (replayed unit scores)");
        sweepPlot.XLabel("exit threshold");
        sweepPlot.YLabel("%");
        sweepPlot.ShowLegend(Alignment.LowerLeft);
        const string sweepFile = "speaker-watch-exit-threshold.png";
        sweepPlot.SavePng(Path.Combine(folder, sweepFile), 800, 480);
        files.Add($"{name}/{sweepFile}");
        return files;
    }
}
