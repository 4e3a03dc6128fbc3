using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Encoding;
using Sensact.Pipelines.Multimodal;
using Sensact.Pipelines.Sensors;
using Sensact.Simulators;
using Sensact.Simulators.Scenes;

namespace Sensact.Evaluation.SpeakerWatch;

/// <summary>
/// One strategy on one seeded scene in real time: the simulated microphone and camera paced by the
/// wall clock (shifted so the scene starts at <see cref="SceneStart"/>), each through a sensor
/// consumer on the application's own thread, into the pipeline with the real encoders.
/// </summary>
internal static class SceneRun
{
    /// <summary>How long the sources run before the first evaluated window starts (that partial window is not counted).</summary>
    public static readonly TimeSpan LeadIn = TimeSpan.FromMilliseconds(250);

    public const int CameraFps = 10;

    /// <summary>The scene time of the first evaluated window of a seed's scene (a whole second).</summary>
    public static DateTimeOffset SceneStart(int seed) => DateTimeOffset.UnixEpoch.AddSeconds(100_000L * seed);

    /// <summary>Runs the windows and returns their results (only the evaluated ones, in order of decision).</summary>
    public static async Task<List<WindowResult>> RunAsync(
        MultimodalPipelineOptions options,
        IEvidenceRule rule,
        IUnitEncoder<AudioChunk> vad,
        IUnitEncoder<ImageFrame> face,
        int seed,
        int windows,
        IProgress<string> progress,
        CancellationToken cancellation)
    {
        var start = SceneStart(seed);
        var first = options.Window.IndexOf(start);
        var last = first + windows - 1;
        var offset = start - LeadIn - Scheduler.Default.Now;
        var clock = new OffsetScheduler(Scheduler.Default, offset);
        using var loop = new EventLoopScheduler(t => new Thread(t) { Name = "speaker-watch", IsBackground = true });
        var appClock = new OffsetScheduler(loop, offset);
        var duration = LeadIn + TimeSpan.FromSeconds(windows) + TimeSpan.FromMilliseconds(300);
        var audioOptions = new SimulatedSensorOptions { Scene = "speaker-watch", Stream = SceneModality.Audio, Seed = seed, PeriodSamples = 512, Duration = duration };
        var cameraOptions = new SimulatedSensorOptions { Scene = "speaker-watch", Stream = SceneModality.Camera, Seed = seed, FrameRateHz = CameraFps, Width = 320, Height = 240, Duration = duration };
        using var mic = new SharedSensor<AudioChunk>(SimulatedScenes.CreateAudio("mic", audioOptions, clock), scheduler: clock);
        using var camera = new SharedSensor<ImageFrame>(SimulatedScenes.CreateCamera("camera", cameraOptions, clock), scheduler: clock);
        var delivery = DeliveryPolicy.DropOldest(64);
        var pipeline = MultimodalPipeline.Create(
            options,
            [
                Modality.Create("audio", mic.Consume("speaker-watch", delivery, loop).Frames, vad, TimeSpan.FromSeconds(512.0 / 16000), ModalityRole.Fast),
                Modality.Create("camera", camera.Consume("speaker-watch", delivery, loop).Frames, face, TimeSpan.FromSeconds(1.0 / CameraFps), ModalityRole.Slow),
            ],
            rule,
            scheduler: appClock);

        var results = new List<WindowResult>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = pipeline.Results.Subscribe(
            result =>
            {
                if (result.Window < first || result.Window > last)
                {
                    return;
                }

                lock (results)
                {
                    results.Add(result);
                    progress.Report($"seed {seed}, {InferenceStrategyNames.ToName(options.Strategy)}: {results.Count}/{windows} windows");
                    if (result.Window == last)
                    {
                        done.TrySetResult();
                    }
                }
            },
            error => done.TrySetException(error),
            () => done.TrySetResult());
        try
        {
            await done.Task.WaitAsync(duration + TimeSpan.FromSeconds(5), cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The windows not decided by now count as missed (wrong and over budget).
        }

        lock (results)
        {
            return [.. results];
        }
    }
}
