namespace Sensact.Devices.Audio.Wav;

/// <summary>What a RIFF/WAVE file's header says about its samples.</summary>
/// <param name="SampleRate">Frames per second (one sample per channel each), in hertz.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="BitsPerSample">Bits per sample; <see cref="WavReader"/> reads 16 only.</param>
/// <param name="FrameCount">Frames in the data chunk.</param>
public readonly record struct WavFormat(int SampleRate, int Channels, int BitsPerSample, long FrameCount)
{
    /// <summary>Gets how long the file plays.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / SampleRate);
}
