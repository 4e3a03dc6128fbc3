using System.Collections.Concurrent;
using Sensact.Devices.Audio.Wav;

namespace Sensact.Simulators.Scenes;

/// <summary>
/// The clips and pictures scenes are made of, embedded in the assembly (copies of
/// <c>data/audio/speech-commands</c> and <c>data/images</c>, licences there); each is read once and
/// shared read-only.
/// </summary>
internal static class SceneAssets
{
    private static readonly ConcurrentDictionary<string, Lazy<float[]>> Clips = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Files = new(StringComparer.Ordinal);

    /// <summary>The mono samples of <c>audio/{name}.wav</c>; never written to.</summary>
    public static float[] Clip(string name) =>
        Clips.GetOrAdd(name, key => new Lazy<float[]>(() => ReadClip(key))).Value;

    /// <summary>The bytes of <c>{path}</c> (for example <c>images/astronaut.png</c>); never written to.</summary>
    public static byte[] Bytes(string path) =>
        Files.GetOrAdd(path, key => new Lazy<byte[]>(() => ReadBytes(key))).Value;

    private static float[] ReadClip(string name)
    {
        var path = $"audio/{name}.wav";
        using var stream = Open(path);
        var (format, samples) = WavReader.ReadAll(stream, path);
        return format is { Channels: 1, SampleRate: 16000, FrameCount: 16000 }
            ? samples
            : throw new InvalidDataException($"Scene clip '{path}' must be 1 s of 16 kHz mono (is {format.FrameCount} frames at {format.SampleRate} Hz, {format.Channels} channels).");
    }

    private static byte[] ReadBytes(string path)
    {
        using var stream = Open(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream Open(string path) =>
        typeof(SceneAssets).Assembly.GetManifestResourceStream(path)
        ?? throw new InvalidOperationException($"The simulators assembly holds no '{path}'; it is embedded from data/ at build time.");
}
