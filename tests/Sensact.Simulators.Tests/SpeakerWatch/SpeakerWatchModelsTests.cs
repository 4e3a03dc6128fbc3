using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Encoding.Audio;
using Sensact.Pipelines.Encoding.Vision;
using Sensact.Simulators.Scenes;
using Sensact.Simulators.SpeakerWatch;

namespace Sensact.Simulators.Tests.SpeakerWatch;

/// <summary>
/// The real models on the <c>speaker-watch</c> scene: Silero VAD hears the spoken windows, UltraFace
/// sees the face when it is in view. Per-window accuracy of each model alone, against the scene's truth.
/// </summary>
public sealed class SpeakerWatchModelsTests(ITestOutputHelper output)
{
    private const int Windows = 16;
    private const int Period = 512;
    private const int FramesPerWindow = 4;

    private static string Model(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "models", folder, file);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SileroVad_SpeechWindowsScoreHighOthersLow(int seed)
    {
        var script = new SpeakerWatchScript(seed);
        var pool = new BufferPool<float>();
        using var renderer = new SpeakerWatchAudioRenderer(script, Period, pool);
        using var vad = SileroVadEncoder.Load(Model("silero-vad", SileroVadEncoder.FileName));
        var best = new float[Windows];
        var scores = new float[1];
        var unit = new Frame<AudioChunk>[1];

        // One stream, state carried: each period counts for the window it starts in.
        var periods = Windows * SpeakerWatchScript.SampleRate / Period;
        for (var k = 0; k < periods; k++)
        {
            var time = SceneClock.Epoch.AddSeconds((double)k * Period / SpeakerWatchScript.SampleRate);
            var chunk = renderer.Render(k, time);
            unit[0] = new Frame<AudioChunk>(chunk, time, "mic", k);
            vad.Encode(unit, scores);
            chunk.Release();
            var window = (int)(k * Period / SpeakerWatchScript.SampleRate);
            best[window] = Math.Max(best[window], scores[0]);
        }

        var correct = Enumerable.Range(0, Windows).Count(i => (best[i] >= 0.5f) == script.Window(i).Speaking);
        output.WriteLine($"Silero VAD, seed {seed}: {correct}/{Windows} windows right (speech = most probability of the window's periods >= 0.5)");
        for (var i = 0; i < Windows; i++)
        {
            output.WriteLine($"  window {i}: {script.Window(i).Clip} x{script.Window(i).Gain:F2} -> {best[i]:F3}");
        }

        Assert.Contains(Enumerable.Range(0, Windows), i => script.Window(i).Speaking);
        Assert.Contains(Enumerable.Range(0, Windows), i => !script.Window(i).Speaking);
        Assert.True(correct >= Windows - 1, $"{correct}/{Windows}");
    }

    [Theory]
    [InlineData("version-RFB-320.onnx", 1)]
    [InlineData("version-RFB-320.onnx", 2)]
    [InlineData("version-RFB-320.onnx", 3)]
    [InlineData("version-slim-320.onnx", 1)]
    [InlineData("version-slim-320.onnx", 2)]
    [InlineData("version-slim-320.onnx", 3)]
    public void UltraFace_FaceInViewWindowsScoreHighOthersZero(string file, int seed)
    {
        var script = new SpeakerWatchScript(seed);
        var pool = new BufferPool<byte>();
        using var renderer = new SpeakerWatchCameraRenderer(script, 320, 240, pool);
        using var encoder = UltraFaceEncoder.Load(Model("ultraface", file));
        var seen = new int[Windows];
        var scores = new float[1];
        var unit = new Frame<ImageFrame>[1];
        var frames = 0;

        for (var k = 0; k < Windows * FramesPerWindow; k++)
        {
            var time = SceneClock.Epoch.AddSeconds((k + 0.5) / FramesPerWindow);
            var frame = renderer.Render(k, time);
            unit[0] = new Frame<ImageFrame>(frame, time, "camera", k);
            encoder.Encode(unit, scores);
            frame.Release();
            var found = scores[0] > 0;
            seen[k / FramesPerWindow] += found ? 1 : 0;
            frames += found == script.Window(k / FramesPerWindow).FaceInView ? 1 : 0;
        }

        var correct = Enumerable.Range(0, Windows).Count(i => (2 * seen[i] >= FramesPerWindow) == script.Window(i).FaceInView);
        output.WriteLine($"UltraFace {file}, seed {seed}, {script.Background}: {correct}/{Windows} windows right (face = a face in at least half of the window's {FramesPerWindow} frames); {frames}/{Windows * FramesPerWindow} frames right");
        for (var i = 0; i < Windows; i++)
        {
            output.WriteLine($"  window {i}: face in view {script.Window(i).FaceInView} -> {seen[i]}/{FramesPerWindow} frames with a face");
        }

        Assert.Contains(Enumerable.Range(0, Windows), i => script.Window(i).FaceInView);
        Assert.Contains(Enumerable.Range(0, Windows), i => !script.Window(i).FaceInView);
        Assert.True(correct >= Windows - 2, $"{correct}/{Windows}");
    }
}
