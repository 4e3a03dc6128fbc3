using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Simulators.Scenes;
using Sensact.Simulators.SpeakerWatch;
using Sensact.Simulators.Tests.Scenes;

namespace Sensact.Simulators.Tests.SpeakerWatch;

public sealed class SpeakerWatchSceneTests
{
    private static SceneRun.Result<AudioChunk> Microphone(int seed, TimeSpan span) =>
        SceneRun.Run(s => SimulatedScenes.CreateAudio("mic", new() { Scene = "speaker-watch", Stream = SceneModality.Audio, Seed = seed, AsFastAsPossible = true, Duration = span }, s), span, SceneRun.Bytes, c => c.Release());

    private static SceneRun.Result<ImageFrame> Camera(int seed, TimeSpan span, double fps = 10) =>
        SceneRun.Run(s => SimulatedScenes.CreateCamera("cam", new() { Scene = "speaker-watch", Stream = SceneModality.Camera, Seed = seed, FrameRateHz = fps }, s), span, SceneRun.Bytes, f => f.Release());

    [Fact]
    public void Audio_AMinuteOfScene_Gives1875PeriodsAtTheirSceneTimes()
    {
        var run = Microphone(3, TimeSpan.FromMinutes(1));

        // As fast as possible, for one minute of scene: all of it is emitted at the first instant of virtual time.
        Assert.Equal(1875, run.Frames.Count);
        Assert.All(run.EmittedAt, time => Assert.Equal(SceneRun.T0, time));
        Assert.Equal(SceneRun.T0.AddSeconds(1874 * 0.032), run.Frames[^1].OriginatingTime);
        Assert.Equal(Enumerable.Range(0, 1875).Select(i => (long)i), run.Frames.Select(f => f.Sequence));
        Assert.True(run.Completed);
    }

    [Fact]
    public void Camera_AMinuteOfSceneInRealTimePacing_Gives600FramesAtTheirTimes()
    {
        var run = Camera(3, TimeSpan.FromMinutes(1));

        Assert.Equal(600, run.Frames.Count);
        Assert.Equal(run.Frames.Select(f => f.OriginatingTime), run.EmittedAt);
        Assert.Equal(SceneRun.T0.AddTicks(599 * TimeSpan.TicksPerSecond / 10), run.Frames[^1].OriginatingTime);
    }

    [Fact]
    public void SameSeed_GivesIdenticalFrames_OtherSeedDiffers()
    {
        var span = TimeSpan.FromSeconds(5);

        Assert.Equal(Microphone(11, span).Hash, Microphone(11, span).Hash);
        Assert.NotEqual(Microphone(11, span).Hash, Microphone(12, span).Hash);
        Assert.Equal(Camera(11, span).Hash, Camera(11, span).Hash);
        Assert.NotEqual(Camera(11, span).Hash, Camera(12, span).Hash);
    }

    [Fact]
    public void MicrophoneAndCamera_AgreeOnTheTruthOfEveryWindow()
    {
        var span = TimeSpan.FromSeconds(30);
        var mic = Microphone(5, span);
        var cam = Camera(5, span, fps: 15);
        var script = new SpeakerWatchScript(5);

        var micTruth = mic.Frames.Zip(mic.Labels).GroupBy(p => script.WindowAt(p.First.OriginatingTime).Index).ToDictionary(g => g.Key, g => g.Select(p => p.Second).Distinct().Single());
        var camTruth = cam.Frames.Zip(cam.Labels).GroupBy(p => script.WindowAt(p.First.OriginatingTime).Index).ToDictionary(g => g.Key, g => g.Select(p => p.Second).Distinct().Single());

        Assert.Equal(30, camTruth.Count);
        Assert.Equal(camTruth, micTruth.Where(p => camTruth.ContainsKey(p.Key)).ToDictionary());
        Assert.Equal(camTruth.Values.Order(), camTruth.Keys.Select(k => script.Window(k).Label).Order());
        Assert.Equal(4, camTruth.Values.Distinct().Count());
    }

    [Fact]
    public void Audio_SpeechWindowsAreLouderThanSilenceWindows()
    {
        var script = new SpeakerWatchScript(9);
        var windows = Enumerable.Range(0, 40).Select(i => script.Window(1_800_000_000 + i)).ToList();
        double Rms(SpeakerWatchWindow w)
        {
            var samples = new float[SpeakerWatchScript.SampleRate];
            script.FillAudio(w.Index * SpeakerWatchScript.SampleRate, samples);
            return Math.Sqrt(samples.Average(s => (double)s * s)) / w.Gain;
        }

        var speech = windows.Where(w => w.Speaking).Select(Rms).ToList();
        var silence = windows.Where(w => w.Clip == "silence_1000ms").Select(Rms).ToList();

        Assert.NotEmpty(speech);
        Assert.NotEmpty(silence);
        Assert.True(speech.Min() > 10 * silence.Max(), $"speech rms {speech.Min()}, silence rms {silence.Max()}");
    }

    [Fact]
    public void Camera_DrawsTheFaceInItsBoxOnlyWhenInView()
    {
        var script = new SpeakerWatchScript(5);
        var run = SceneRun.Run(
            s => SimulatedScenes.CreateCamera("cam", new() { Scene = "speaker-watch", Stream = SceneModality.Camera, Seed = 5, FrameRateHz = 1 }, s),
            TimeSpan.FromSeconds(20),
            frame => frame.Pixels.Span.ToArray(),
            _ => { });
        var background = run.Frames.Where(f => script.FaceAt(f.OriginatingTime) is null).Select(f => f.Payload.Pixels.Span.ToArray()).ToList();
        var withFace = run.Frames.Where(f => script.FaceAt(f.OriginatingTime) is not null).ToList();

        Assert.NotEmpty(background);
        Assert.NotEmpty(withFace);
        Assert.All(background, pixels => Assert.Equal(background[0], pixels));
        foreach (var frame in withFace)
        {
            var box = script.FaceAt(frame.OriginatingTime)!.Value;
            var (cx, cy) = ((int)((box.Left + (box.Width / 2)) * 320), (int)((box.Top + (box.Height / 2)) * 240));
            var at = (cy * 320 * 3) + (cx * 3);
            var pixels = frame.Payload.Pixels.Span;
            Assert.NotEqual(background[0].AsSpan(at, 3).ToArray(), pixels.Slice(at, 3).ToArray());
            Assert.InRange(box.Left, 0, 1 - box.Width);
            Assert.InRange(box.Top, 0, 1 - box.Height);
        }

        foreach (var frame in run.Frames)
        {
            frame.Payload.Release();
        }
    }

    [Fact]
    public void Audio_Dispose_ReturnsEveryPeriodToThePool()
    {
        var pool = new Sensact.Devices.Buffers.BufferPool<float>(8);
        var scheduler = new System.Reactive.Concurrency.HistoricalScheduler(SceneRun.T0);
        var source = SimulatedScenes.CreateAudio("mic", new() { Scene = "speaker-watch" }, scheduler, pool);

        var subscription = source.Frames.Subscribe(frame => frame.Payload.Release());
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));
        subscription.Dispose();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));

        Assert.Equal(63, pool.Rented);
        Assert.Equal(pool.Rented, pool.Returned);
        Assert.Null(((Sensact.Devices.Sensors.IGroundTruth)source).CurrentLabel);
    }
}
