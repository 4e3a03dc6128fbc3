using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;

namespace Sensact.Devices.Tests.Buffers;

/// <summary>AudioChunk as a shared payload (kept here with the buffer tests it depends on).</summary>
public sealed class AudioChunkTests
{
    private readonly BufferPool<float> _pool = new();

    [Theory]
    [InlineData(0, 1, "sampleRate")]
    [InlineData(48_000, 0, "channels")]
    public void Constructor_NonPositiveRateOrChannels_Throws(int sampleRate, int channels, string parameter)
    {
        var samples = _pool.Rent(960);

        Assert.Throws<ArgumentOutOfRangeException>(parameter, () => new AudioChunk(samples, sampleRate, channels));
        samples.Release(); // a failed constructor leaves the reference with the caller
    }

    [Fact]
    public void Constructor_PartialFrame_Throws()
    {
        var samples = _pool.Rent(961);

        Assert.Throws<ArgumentException>("samples", () => new AudioChunk(samples, 48_000, channels: 2));
        samples.Release();
    }

    [Fact]
    public void Duration_StereoChunk_CountsFramesNotSamples()
    {
        var chunk = new AudioChunk(_pool.Rent(1920), 48_000, channels: 2);

        Assert.Equal((960, TimeSpan.FromMilliseconds(20)), (chunk.FrameCount, chunk.Duration));
        chunk.Release();
    }

    [Fact]
    public void AddRef_KeptChunk_SamplesReturnedAfterBothRelease()
    {
        var chunk = new AudioChunk(_pool.Rent(960), 48_000);
        chunk.Samples.Span.Fill(0.5f);

        var kept = chunk.AddRef();
        chunk.Release();

        Assert.Equal((0L, 0.5f, 48_000, 1), (_pool.Returned, kept.Samples.Span[959], kept.SampleRate, kept.Channels));
        Assert.Throws<ObjectDisposedException>(chunk.Release);
        kept.Release();
        Assert.Equal(1L, _pool.Returned);
    }

    [Fact]
    public void Release_ThroughNonGenericInterface_ReturnsSamples()
    {
        var chunk = new AudioChunk(_pool.Rent(960), 48_000);

        // What a delivery policy does with a payload it drops, knowing nothing of its type.
        object dropped = chunk;
        ((ISharedPayload)dropped).Release();

        Assert.Equal(1L, _pool.Returned);
    }

    [Fact]
    public void DurationAndToString_Default_DoNotThrow()
    {
        var none = default(AudioChunk);

        Assert.Equal((0, TimeSpan.Zero), (none.FrameCount, none.Duration));
        Assert.Contains("SharedBuffer<Single>[0] (released)", none.ToString(), StringComparison.Ordinal);
    }
}
