using Sensact.Devices.Buffers;

namespace Sensact.Devices.Audio;

/// <summary>A period of mono or interleaved multi-channel audio samples, held in a pooled buffer.</summary>
/// <remarks>
/// <para>
/// The chunk holds one reference to <see cref="Samples"/> and lives until that reference is released:
/// the source that rents the buffer fills it, builds the chunk and hands it to the stream; whoever holds
/// the chunk then passes it on, keeps it with <see cref="AddRef"/>, or calls <see cref="Release"/> exactly
/// once (the rule is on <see cref="SharedBuffer{T}"/>). After that the samples must not be read.
/// </para>
/// <para>
/// The chunk is immutable and its samples are read-only for every holder, since others may share them.
/// Copying the struct does not add a reference.
/// </para>
/// </remarks>
public readonly record struct AudioChunk : ISharedPayload<AudioChunk>
{
    /// <summary>Initializes a chunk that takes over the caller's reference to <paramref name="samples"/>.</summary>
    /// <remarks>When the constructor throws, the caller still holds the reference.</remarks>
    /// <param name="samples">Samples scaled to [-1, 1], interleaved when <paramref name="channels"/> is more than 1.</param>
    /// <param name="sampleRate">Samples per second per channel, in hertz.</param>
    /// <param name="channels">Number of interleaved channels.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> or <paramref name="channels"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The sample count is not a whole number of frames (a multiple of <paramref name="channels"/>).</exception>
    public AudioChunk(SharedBuffer<float> samples, int sampleRate, int channels = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (samples.Length % channels != 0)
        {
            throw new ArgumentException(
                $"{samples.Length} samples are not a whole number of {channels}-channel frames; rent a multiple of the channel count.", nameof(samples));
        }

        Samples = samples;
        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>Gets the reference to the samples, interleaved when <see cref="Channels"/> is more than 1.</summary>
    public SharedBuffer<float> Samples { get; }

    /// <summary>Gets the samples per second per channel, in hertz.</summary>
    public int SampleRate { get; }

    /// <summary>Gets the number of interleaved channels.</summary>
    public int Channels { get; }

    /// <summary>Gets the number of frames (one sample per channel each); 0 for <c>default</c>.</summary>
    public int FrameCount => Channels == 0 ? 0 : Samples.Length / Channels;

    /// <summary>Gets how long the chunk lasts; zero for <c>default</c>.</summary>
    public TimeSpan Duration => SampleRate == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)FrameCount / SampleRate);

    /// <summary>Creates another reference to the same samples, for a holder that releases it on its own.</summary>
    /// <returns>The same chunk holding the new reference.</returns>
    /// <exception cref="ObjectDisposedException">This chunk's reference was already released.</exception>
    /// <exception cref="InvalidOperationException">The samples already have 32 live references.</exception>
    public AudioChunk AddRef() => new(Samples.AddRef(), SampleRate, Channels);

    /// <summary>Releases this chunk's reference to its samples.</summary>
    /// <exception cref="ObjectDisposedException">This chunk's reference was already released.</exception>
    public void Release() => Samples.Release();
}
