using System.Numerics;
using Sensact.Devices.Imu;
using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.Activity;

/// <summary>
/// The <c>activity</c> scene: a wearer who stands still, walks or runs, in segments of
/// <see cref="SegmentLength"/>, each a seeded draw; the accelerometer reads gravity plus the motion
/// of the gait plus noise, in m/s² (SI), in a seeded orientation per segment.
/// </summary>
/// <remarks>
/// <para>
/// A pure function of (seed, scene time): <see cref="SegmentAt"/> and <see cref="SampleAt"/> need no
/// state, so any number of sensors, opened at any time, agree.
/// </para>
/// <para>
/// The motion model, in a world frame with z up (an accelerometer at rest reads +g on z): walking
/// steps at 1.6–2.1 Hz, 1.5–3 m/s² vertical at the step frequency, 0.5–1.2 m/s² at its second
/// harmonic, 0.8–1.5 m/s² fore-aft, and 0.4–0.8 m/s² of lateral sway at half the step frequency,
/// plus 0.25 m/s² of noise; running steps at 2.5–3.1 Hz, 6–10 m/s² vertical, 2–4 at the harmonic,
/// 2–4 fore-aft, 1–2 of sway, 0.6 of noise; stationary is gravity, a slow 0.05 m/s² sway and
/// 0.03 m/s² of noise. Each axis is clipped to ±4 g (the STM32 recordings' range). These are
/// textbook gait figures, not fitted to any recording.
/// </para>
/// </remarks>
public sealed class ActivityScript
{
    /// <summary>The length of a segment.</summary>
    public static readonly TimeSpan SegmentLength = TimeSpan.FromSeconds(20);

    /// <summary>Standard gravity, m/s².</summary>
    public const double Gravity = 9.80665;

    private static readonly string[] Labels = ["running", "stationary", "walking"];
    private const ulong ActivityDraw = 0xA1;
    private const ulong ParameterDraw = 0xA2;
    private const ulong NoiseDraw = 0xA3;
    private const double Range = 4 * Gravity;

    /// <summary>Creates the script of one seed.</summary>
    /// <param name="seed">The scene's seed.</param>
    public ActivityScript(int seed) => Seed = seed;

    /// <summary>Gets the seed.</summary>
    public int Seed { get; }

    /// <summary>Gets the segment that holds <paramref name="time"/>.</summary>
    /// <param name="time">A scene time.</param>
    /// <returns>The segment.</returns>
    public ActivitySegment SegmentAt(DateTimeOffset time)
    {
        var index = (long)Math.Floor((time - SceneClock.Epoch).Ticks / (double)SegmentLength.Ticks);
        var label = Labels[(int)(SceneRandom.Hash(Seed, ActivityDraw, index) % (ulong)Labels.Length)];
        var step = label switch
        {
            "walking" => Draw(index, 0, 1.6, 2.1),
            "running" => Draw(index, 0, 2.5, 3.1),
            _ => 0,
        };
        return new ActivitySegment(index, SceneClock.Epoch + (SegmentLength * index), SegmentLength, label, step);
    }

    /// <summary>Gets the accelerometer's reading at <paramref name="time"/>, in m/s².</summary>
    /// <param name="time">A scene time.</param>
    /// <param name="sample">The sample's index in its stream, which draws its noise.</param>
    /// <returns>The reading; no gyroscope.</returns>
    public ImuSample SampleAt(DateTimeOffset time, long sample)
    {
        var segment = SegmentAt(time);
        var k = segment.Index;
        var t = (time - segment.Start).TotalSeconds;
        var w = 2 * Math.PI * segment.StepHz * t;
        double vertical, harmonic, foreAft, sway, noise;
        switch (segment.Label)
        {
            case "walking":
                (vertical, harmonic, foreAft, sway, noise) = (Draw(k, 1, 1.5, 3), Draw(k, 2, 0.5, 1.2), Draw(k, 3, 0.8, 1.5), Draw(k, 4, 0.4, 0.8), 0.25);
                break;
            case "running":
                (vertical, harmonic, foreAft, sway, noise) = (Draw(k, 1, 6, 10), Draw(k, 2, 2, 4), Draw(k, 3, 2, 4), Draw(k, 4, 1, 2), 0.6);
                break;
            default:
                var drift = 0.05 * Math.Sin(2 * Math.PI * Draw(k, 5, 0.1, 0.3) * t);
                (vertical, harmonic, foreAft, sway, noise) = (0, 0, drift, drift, 0.03);
                break;
        }

        var phase = Draw(k, 6, 0, 2 * Math.PI);
        var world = new Vector3(
            (float)(foreAft * Math.Sin(w + phase + 0.5)),
            (float)(sway * Math.Sin((w / 2) + phase)),
            (float)(Gravity + (vertical * Math.Sin(w + phase)) + (harmonic * Math.Sin((2 * w) + (2 * phase)))));
        var device = Vector3.Transform(world, Orientation(k));
        var noisy = device + new Vector3(
            (float)(noise * SceneRandom.Gaussian(Seed, NoiseDraw, 3 * sample)),
            (float)(noise * SceneRandom.Gaussian(Seed, NoiseDraw, (3 * sample) + 1)),
            (float)(noise * SceneRandom.Gaussian(Seed, NoiseDraw, (3 * sample) + 2)));
        return new ImuSample(Vector3.Clamp(noisy, new Vector3((float)-Range), new Vector3((float)Range)));
    }

    // How the sensor sits on the wearer in a segment: a seeded rotation.
    private Quaternion Orientation(long segment)
    {
        var q = new Quaternion((float)Draw(segment, 7, -1, 1), (float)Draw(segment, 8, -1, 1), (float)Draw(segment, 9, -1, 1), (float)Draw(segment, 10, -1, 1));
        return q.LengthSquared() < 1e-6f ? Quaternion.Identity : Quaternion.Normalize(q);
    }

    private double Draw(long segment, int parameter, double low, double high) =>
        SceneRandom.Between(Seed, ParameterDraw + ((ulong)parameter << 8), segment, low, high);
}
