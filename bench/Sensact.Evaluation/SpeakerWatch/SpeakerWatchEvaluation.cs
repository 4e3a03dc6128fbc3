using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Encoding.Audio;
using Sensact.Pipelines.Encoding.Vision;
using Sensact.Pipelines.Multimodal;
using Sensact.Simulators.SpeakerWatch;

namespace Sensact.Evaluation.SpeakerWatch;

/// <summary>
/// speaker-watch: seeded scenes of <see cref="WindowsPerScene"/> windows (seed, seed + 1, ...), each
/// sensed in real time once per strategy (wait-for-complete, pipelined, pipelined+early-exit, full),
/// one after another, with Silero VAD and UltraFace RFB-320 really running.
/// </summary>
internal sealed class SpeakerWatchEvaluation : IEvaluation
{
    /// <summary>The windows of one scene.</summary>
    public const int WindowsPerScene = 10;

    /// <summary>A decision is over budget when it comes more than this after the window's first sensed frame (the window's length).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private static readonly InferenceStrategy[] Strategies =
        [InferenceStrategy.WaitForComplete, InferenceStrategy.Pipelined, InferenceStrategy.PipelinedEarlyExit, InferenceStrategy.Full];

    public string App => "speaker-watch";

    public int DefaultWindows => 100;

    public async Task<EvaluationResult> RunAsync(EvaluationRun run, IProgress<string> progress, CancellationToken cancellation)
    {
        var models = Path.Combine(AppContext.BaseDirectory, "models");
        using var vad = new RecordingEncoder<Sensact.Devices.Audio.AudioChunk>(SileroVadEncoder.Load(Path.Combine(models, "silero-vad", SileroVadEncoder.FileName)));
        using var face = new RecordingEncoder<Sensact.Devices.Camera.ImageFrame>(UltraFaceEncoder.Load(Path.Combine(models, "ultraface", "version-RFB-320.onnx")));
        var rule = new PresenceRule(RuleOptions());
        var tallies = Strategies.Select(s => new StrategyTally(s)).ToArray();
        var sweepWindows = new List<ExitSweep.Window>();
        IReadOnlyList<ModalityDescriptor>? descriptors = null;
        var left = run.Windows;
        for (var seed = run.Seed; left > 0; seed++)
        {
            var windows = Math.Min(WindowsPerScene, left);
            left -= windows;
            var script = new SpeakerWatchScript(seed);
            foreach (var tally in tallies)
            {
                var options = Options(tally.Strategy);
                descriptors ??= MultimodalPipeline.Create(options, [Placeholder("audio", vad, 512.0 / 16000), Placeholder("camera", face, 1.0 / SceneRun.CameraFps)], rule).Descriptors;
                var record = tally.Strategy == InferenceStrategy.WaitForComplete;
                vad.Units.Clear();
                face.Units.Clear();
                vad.Recording = face.Recording = record;
                var results = await SceneRun.RunAsync(options, rule, vad, face, seed, windows, progress, cancellation).ConfigureAwait(false);
                vad.Recording = face.Recording = false;
                Tally(tally, script, seed, options.Window.IndexOf(SceneRun.SceneStart(seed)), windows, results);
                if (record)
                {
                    sweepWindows.AddRange(SweepWindows(options, script, seed, windows, vad, face));
                }
            }

            progress.Report($"seed {seed} done; {run.Windows - left}/{run.Windows} windows per strategy");
        }

        var sweep = ExitSweep.Run(rule, descriptors!, sweepWindows, Options(InferenceStrategy.PipelinedEarlyExit).MinUnitsBeforeExit);
        return SpeakerWatchReport.Create(run, tallies, sweep);
    }

    /// <summary>The pipeline's settings for a strategy: the app's defaults (configs/speaker-watch.json).</summary>
    internal static MultimodalPipelineOptions Options(InferenceStrategy strategy)
    {
        var options = new MultimodalPipelineOptions { Strategy = strategy };
        options.Window.CloseTolerance = TimeSpan.FromMilliseconds(500);
        return options;
    }

    /// <summary>The rule of the app's defaults: speech (top 3) and a face (top 3).</summary>
    internal static PresenceRuleOptions RuleOptions()
    {
        var rule = new PresenceRuleOptions();
        rule.Modalities["audio"] = new PresenceModalityOptions { Score = SileroVadEncoder.SpeechScore, TopK = 3 };
        rule.Modalities["camera"] = new PresenceModalityOptions { Score = UltraFaceEncoder.FaceScore, TopK = 3 };
        return rule;
    }

    private static Modality Placeholder<T>(string name, Sensact.Pipelines.Encoding.IUnitEncoder<T> encoder, double period) =>
        Modality.Create(name, System.Reactive.Linq.Observable.Empty<Sensact.Devices.Frame<T>>(), encoder, TimeSpan.FromSeconds(period), name == "audio" ? ModalityRole.Fast : ModalityRole.Slow);

    private static void Tally(StrategyTally tally, SpeakerWatchScript script, int seed, long first, int windows, List<WindowResult> results)
    {
        var byWindow = results.GroupBy(r => r.Window).ToDictionary(g => g.Key, g => g.First());
        var present = RuleOptions().PresentLabel;
        for (var w = first; w < first + windows; w++)
        {
            var truth = script.Window(w).SpeakingInView;
            byWindow.TryGetValue(w, out var result);
            var label = result?.Outcome == WindowOutcome.Decided ? result.Label : null;
            tally.Labels[(seed, w)] = label;
            tally.Windows++;
            var said = label == present;
            tally.Correct += label is not null && said == truth ? 1 : 0;
            tally.TruePositives += said && truth ? 1 : 0;
            tally.FalsePositives += said && !truth ? 1 : 0;
            tally.FalseNegatives += !said && truth ? 1 : 0;
            if (result is null || result.Outcome != WindowOutcome.Decided)
            {
                tally.Failed++;
                tally.BudgetViolations++;
                continue;
            }

            tally.ExitedEarly += result.ExitedEarly ? 1 : 0;
            tally.EndToEndMs.Add(result.EndToEndLatency.TotalMilliseconds);
            tally.PostSensingMs.Add(result.PostSensingLatency.TotalMilliseconds);
            tally.BudgetViolations += result.EndToEndLatency > Budget ? 1 : 0;
            foreach (var m in result.Modalities)
            {
                tally.Invocations[m.Name] += m.EncoderInvocations;
                var unit = m.Name == "audio" ? 512.0 / 16000 : 1.0 / SceneRun.CameraFps;
                tally.SensorOnSeconds[m.Name] += m.UnitsEncoded * unit;
            }
        }
    }

    private static IEnumerable<ExitSweep.Window> SweepWindows(MultimodalPipelineOptions options, SpeakerWatchScript script, int seed, int windows, RecordingEncoder<Sensact.Devices.Audio.AudioChunk> vad, RecordingEncoder<Sensact.Devices.Camera.ImageFrame> face)
    {
        var first = options.Window.IndexOf(SceneRun.SceneStart(seed));
        var units = vad.Units.Select(u => (u.Time, Modality: 0, u.Score)).Concat(face.Units.Select(u => (u.Time, Modality: 1, u.Score)))
            .GroupBy(u => options.Window.IndexOf(u.Time))
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Time).ThenBy(u => u.Modality).Select(u => (u.Modality, u.Score)).ToList());
        for (var w = first; w < first + windows; w++)
        {
            if (units.TryGetValue(w, out var list))
            {
                yield return new ExitSweep.Window(list, script.Window(w).SpeakingInView);
            }
        }
    }
}
