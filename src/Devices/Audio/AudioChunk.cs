namespace Sensact.Devices.Audio;

/// <summary>A chunk of mono or interleaved multi-channel audio samples.</summary>
/// <param name="Samples">Samples scaled to [-1, 1], interleaved when <paramref name="Channels"/> is more than 1.</param>
/// <param name="SampleRate">Samples per second per channel, in hertz.</param>
/// <param name="Channels">Number of interleaved channels.</param>
public sealed record AudioChunk(ReadOnlyMemory<float> Samples, int SampleRate, int Channels = 1)
{
    /// <summary>Gets how long the chunk lasts.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / Channels / SampleRate);
}
