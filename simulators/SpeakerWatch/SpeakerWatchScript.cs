using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.SpeakerWatch;

/// <summary>
/// The <c>speaker-watch</c> scene: a timeline of 1 s windows, each with a clip heard (a spoken word,
/// noise or silence) and a face that is in the camera's view or not; while in view, the face
/// (astronaut.png) moves and changes size along a smooth seeded path over a CC0 texture.
/// </summary>
/// <remarks>
/// A pure function of (seed, scene time): each window is drawn from a hash of the seed and its
/// index (speech with probability 1/2, face in view with probability 0.6, independently), and the
/// face's path is a sum of sines with seeded periods and phases. A microphone and a camera of one
/// scene, opened at any time, agree on every window without talking to each other.
/// </remarks>
public sealed class SpeakerWatchScript
{
    /// <summary>The audio's rate, the clips' own, in hertz.</summary>
    public const int SampleRate = 16000;

    /// <summary>The length of a window.</summary>
    public static readonly TimeSpan WindowLength = TimeSpan.FromSeconds(1);

    /// <summary>The face picture's width over its height (the crop of astronaut.png).</summary>
    public const double FaceAspect = 190.0 / 230.0;

    private static readonly string[] Backgrounds = ["brick", "grass", "gravel"];
    private const ulong SpeechDraw = 0xB1;
    private const ulong FaceDraw = 0xB2;
    private const ulong ClipDraw = 0xB3;
    private const ulong GainDraw = 0xB4;
    private const ulong PathDraw = 0xB5;

    private readonly double[] _periods = new double[3];
    private readonly double[] _phases = new double[3];

    /// <summary>Creates the script of one seed.</summary>
    /// <param name="seed">The scene's seed.</param>
    public SpeakerWatchScript(int seed)
    {
        Seed = seed;
        Background = Backgrounds[(int)(SceneRandom.Hash(seed, PathDraw, -1) % (ulong)Backgrounds.Length)];
        (double Low, double High)[] ranges = [(6, 12), (5, 9), (8, 15)];
        for (var i = 0; i < 3; i++)
        {
            _periods[i] = SceneRandom.Between(seed, PathDraw, i, ranges[i].Low, ranges[i].High);
            _phases[i] = SceneRandom.Between(seed, PathDraw, 10 + i, 0, 2 * Math.PI);
        }
    }

    /// <summary>Gets the seed.</summary>
    public int Seed { get; }

    /// <summary>Gets the background texture: <c>brick</c>, <c>grass</c> or <c>gravel</c>.</summary>
    public string Background { get; }

    /// <summary>Gets window <paramref name="index"/> (counted from the scene epoch).</summary>
    /// <param name="index">The window's number.</param>
    /// <returns>The window and its truth.</returns>
    public SpeakerWatchWindow Window(long index)
    {
        var speaking = SceneRandom.Uniform(Seed, SpeechDraw, index) < 0.5;
        var face = SceneRandom.Uniform(Seed, FaceDraw, index) < 0.6;
        var either = SceneRandom.Uniform(Seed, ClipDraw, index) < 0.5;
        var clip = speaking ? (either ? "yes_1000ms" : "no_1000ms") : (either ? "noise_1000ms" : "silence_1000ms");
        var gain = (float)SceneRandom.Between(Seed, GainDraw, index, 0.4, 1.0);
        return new SpeakerWatchWindow(index, SceneClock.Epoch + (WindowLength * index), speaking, face, clip, gain);
    }

    /// <summary>Gets the window that holds <paramref name="time"/>.</summary>
    /// <param name="time">A scene time.</param>
    /// <returns>The window and its truth.</returns>
    public SpeakerWatchWindow WindowAt(DateTimeOffset time) => Window(WindowIndex(time));

    /// <summary>Gets where the face is at <paramref name="time"/>, or <c>null</c> when it is out of view.</summary>
    /// <param name="time">A scene time.</param>
    /// <returns>The face's box, as fractions of the frame; always wholly inside it.</returns>
    public FaceBox? FaceAt(DateTimeOffset time)
    {
        if (!WindowAt(time).FaceInView)
        {
            return null;
        }

        var t = (time - SceneClock.Epoch).TotalSeconds;
        var height = 0.45 + (0.15 * Math.Sin((2 * Math.PI * t / _periods[2]) + _phases[2]));
        var width = height * FaceAspect * 3 / 4;
        var centerX = 0.5 + (0.35 * Math.Sin((2 * Math.PI * t / _periods[0]) + _phases[0]));
        var centerY = 0.5 + (0.2 * Math.Sin((2 * Math.PI * t / _periods[1]) + _phases[1]));
        var left = Math.Clamp(centerX - (width / 2), 0, 1 - width);
        var top = Math.Clamp(centerY - (height / 2), 0, 1 - height);
        return new FaceBox(left, top, width, height);
    }

    /// <summary>Writes the audio from scene sample <paramref name="firstSample"/> on (sample 0 at the epoch).</summary>
    /// <param name="firstSample">The first sample's index at <see cref="SampleRate"/>.</param>
    /// <param name="destination">Where the mono samples go.</param>
    public void FillAudio(long firstSample, Span<float> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var sample = firstSample + done;
            var window = Window(Math.DivRem(sample, SampleRate, out var offset));
            var clip = SceneAssets.Clip(window.Clip);
            var count = (int)Math.Min(destination.Length - done, SampleRate - offset);
            var target = destination.Slice(done, count);
            var source = clip.AsSpan((int)offset, count);
            for (var i = 0; i < count; i++)
            {
                target[i] = source[i] * window.Gain;
            }

            done += count;
        }
    }

    private static long WindowIndex(DateTimeOffset time) =>
        (long)Math.Floor((time - SceneClock.Epoch).Ticks / (double)WindowLength.Ticks);
}
