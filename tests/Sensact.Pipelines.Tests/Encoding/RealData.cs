using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Wav;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;

namespace Sensact.Pipelines.Tests.Encoding;

/// <summary>The shipped encoder models and the real clips and pictures copied next to the tests (licences in data/).</summary>
internal static class RealData
{
    public static string VadPath { get; } = Path.Combine(AppContext.BaseDirectory, "models", "silero-vad", "silero_vad.onnx");

    public static string RfbPath { get; } = Path.Combine(AppContext.BaseDirectory, "models", "ultraface", "version-RFB-320.onnx");

    public static string SlimPath { get; } = Path.Combine(AppContext.BaseDirectory, "models", "ultraface", "version-slim-320.onnx");

    /// <summary>Reads a Speech Commands clip (<c>yes</c>, <c>no</c>, <c>noise</c>, <c>silence</c>): 16 kHz mono.</summary>
    public static float[] Clip(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "audio", $"{name}_1000ms.wav");
        using var stream = File.OpenRead(path);
        var (format, samples) = WavReader.ReadAll(stream, path);
        Assert.Equal(16000, format.SampleRate);
        Assert.Equal(1, format.Channels);
        return samples;
    }

    /// <summary>Cuts samples into periods of <paramref name="period"/> (the tail that does not fill one is dropped), as frames in pooled buffers.</summary>
    public static Frame<AudioChunk>[] Periods(float[] samples, int period = 512, int rate = 16000, BufferPool<float>? pool = null)
    {
        pool ??= new BufferPool<float>();
        var frames = new Frame<AudioChunk>[samples.Length / period];
        for (var i = 0; i < frames.Length; i++)
        {
            var buffer = pool.Rent(period);
            samples.AsSpan(i * period, period).CopyTo(buffer.Span);
            frames[i] = new Frame<AudioChunk>(new AudioChunk(buffer, rate), DateTimeOffset.UnixEpoch.AddSeconds((double)i * period / rate), "mic", i);
        }

        return frames;
    }

    /// <summary>Decodes a picture (<c>astronaut</c>, <c>coffee</c>, <c>chelsea</c>) into an Rgb24 frame.</summary>
    public static ImageFrame Picture(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "images", $"{name}.png"));
        return new ImageDecoder().DecodeRgb24(bytes, new BufferPool<byte>());
    }
}
