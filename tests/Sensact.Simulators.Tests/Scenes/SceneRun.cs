using System.Reactive.Concurrency;
using System.Security.Cryptography;
using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;

namespace Sensact.Simulators.Tests.Scenes;

/// <summary>Runs a simulated source in virtual time and keeps what came out: times, labels, and a hash of the payloads.</summary>
internal static class SceneRun
{
    /// <summary>A whole second, so that scene windows start with the run.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public sealed record Result<T>(List<Frame<T>> Frames, List<string?> Labels, List<DateTimeOffset> EmittedAt, string Hash, bool Completed);

    /// <summary>Runs <paramref name="source"/> for <paramref name="span"/> of virtual time from <see cref="T0"/>, releasing pooled payloads.</summary>
    public static Result<T> Run<T>(Func<IScheduler, ISensorSource<T>> create, TimeSpan span, Func<T, byte[]> bytesOf, Action<T> release)
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = create(scheduler);
        var frames = new List<Frame<T>>();
        var labels = new List<string?>();
        var emitted = new List<DateTimeOffset>();
        var completed = false;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var subscription = source.Frames.Subscribe(
            frame =>
            {
                hash.AppendData(bytesOf(frame.Payload));
                frames.Add(frame);
                labels.Add(((IGroundTruth)source).CurrentLabel);
                emitted.Add(scheduler.Now);
                release(frame.Payload);
            },
            error => throw new InvalidOperationException("The scene failed.", error),
            () => completed = true);
        scheduler.AdvanceTo(T0 + span - TimeSpan.FromTicks(1));
        return new(frames, labels, emitted, Convert.ToHexString(hash.GetHashAndReset()), completed);
    }

    public static byte[] Bytes(ImuSample sample) =>
        [.. BitConverter.GetBytes(sample.Acceleration.X), .. BitConverter.GetBytes(sample.Acceleration.Y), .. BitConverter.GetBytes(sample.Acceleration.Z)];

    public static byte[] Bytes(AudioChunk chunk) => [.. chunk.Samples.Span.ToArray().SelectMany(BitConverter.GetBytes)];

    public static byte[] Bytes(ImageFrame frame) => frame.Pixels.Span.ToArray();
}
