using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Alsa;
using Sensact.Devices.Buffers;

namespace Sensact.Devices.Tests.Audio.Alsa;

/// <summary>
/// Capture through the real libasound: ALSA's <c>null</c> PCM (silence) and <c>file</c> PCMs that
/// play raw S16 files the tests write (see <see cref="AlsaTestDevices"/>). Skipped where libasound is
/// not installed. The file plugin delivers as fast as it is read, so times are checked against the
/// period count, never against the wall clock.
/// </summary>
public sealed class AlsaCaptureSourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Frames_FileDevice_SamplesAreTheFileBitExact()
    {
        SkipWithoutAlsa();
        var samples = TestSignal(20 * 512, seed: 1);
        AlsaTestDevices.WriteRaw(AlsaTestDevices.MonoFile, samples);
        var source = new AlsaCaptureSource("mic", Options(AlsaTestDevices.Mono));

        var chunks = await Capture(source, 20);

        var captured = chunks.SelectMany(chunk => chunk.Samples).ToArray();
        Assert.Equal(samples.Length, captured.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            // value / 32768 is exact in single precision: compare the bits.
            Assert.Equal(BitConverter.SingleToInt32Bits(samples[i] / 32768f), BitConverter.SingleToInt32Bits(captured[i]));
        }

        Assert.All(chunks, chunk => Assert.Equal((16_000, 1, 512), (chunk.Frame.Payload.SampleRate, chunk.Frame.Payload.Channels, chunk.Frame.Payload.FrameCount)));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), chunks.Select(chunk => chunk.Frame.Sequence));
        Assert.All(chunks, chunk => Assert.Equal("mic", chunk.Frame.SourceId));
    }

    [Fact]
    public async Task Frames_FileDeviceTwoChannels_SamplesAreInterleavedBitExact()
    {
        SkipWithoutAlsa();
        var samples = TestSignal(8 * 256 * 2, seed: 2);
        AlsaTestDevices.WriteRaw(AlsaTestDevices.StereoFile, samples);
        var source = new AlsaCaptureSource("mic", Options(AlsaTestDevices.Stereo, rate: 48_000, channels: 2, period: 256));

        var chunks = await Capture(source, 8);

        Assert.Equal(samples.Select(value => value / 32768f), chunks.SelectMany(chunk => chunk.Samples));
        Assert.All(chunks, chunk => Assert.Equal((48_000, 2, 256), (chunk.Frame.Payload.SampleRate, chunk.Frame.Payload.Channels, chunk.Frame.Payload.FrameCount)));
    }

    [Fact]
    public async Task Frames_FileDevice_OriginatingTimesAreTheStartPlusThePeriodCount()
    {
        SkipWithoutAlsa();
        AlsaTestDevices.WriteRaw(AlsaTestDevices.MonoFile, TestSignal(50 * 512, seed: 3));
        // The clock never moves while the file plugin delivers 1.6 s of audio at once: the times
        // come from the frames counted, not from when the periods arrive.
        var source = new AlsaCaptureSource("mic", Options(AlsaTestDevices.Mono), new FakeTimeProvider(Start));

        var chunks = await Capture(source, 50);

        Assert.Equal(
            Enumerable.Range(0, 50).Select(k => Start + TimeSpan.FromMilliseconds(32 * k)),
            chunks.Select(chunk => chunk.Frame.OriginatingTime));
        Assert.Equal(0, source.Overruns);
    }

    [Fact]
    public async Task Frames_NullDevice_DeliversSilenceInPeriodsOfTheConfiguredRate()
    {
        SkipWithoutAlsa();
        var source = new AlsaCaptureSource("mic", Options("null", rate: 8_000, period: 160), new FakeTimeProvider(Start));

        var chunks = await Capture(source, 100);

        Assert.All(chunks, chunk => Assert.All(chunk.Samples, sample => Assert.Equal(0f, sample)));
        Assert.All(chunks, chunk => Assert.Equal((160, TimeSpan.FromMilliseconds(20)), (chunk.Samples.Length, chunk.Frame.Payload.Duration)));
        // 100 periods of 20 ms: two seconds of originating time, one period apart.
        Assert.Equal(Start + TimeSpan.FromMilliseconds(1980), chunks[^1].Frame.OriginatingTime);
        Assert.Equal(
            Enumerable.Range(0, 100).Select(k => Start + TimeSpan.FromMilliseconds(20 * k)),
            chunks.Select(chunk => chunk.Frame.OriginatingTime));
    }

    [Fact]
    public async Task Frames_SubscribedAgainAfterDisposal_OpenTheDeviceAgainAndReleaseEveryBuffer()
    {
        SkipWithoutAlsa();
        var samples = TestSignal(64 * 512, seed: 4);
        AlsaTestDevices.WriteRaw(AlsaTestDevices.MonoFile, samples);
        var pool = new BufferPool<float>();
        var source = new AlsaCaptureSource("mic", Options(AlsaTestDevices.Mono), pool: pool);

        var first = (await Capture(source, 4)).SelectMany(chunk => chunk.Samples).ToArray();
        var second = (await Capture(source, 4)).SelectMany(chunk => chunk.Samples).ToArray();

        // The file plugin reopens its file: a second opening captures it from the start again.
        Assert.Equal(first, second);
        Assert.Equal(samples.Take(4 * 512).Select(value => value / 32768f), first);
        // Take(4) disposes the subscription within the fourth OnNext, on the capture thread, which
        // then stops before renting another buffer: every buffer rented was handed on and released.
        // (Had the thread started before Rx finished wiring the subscription, the file plugin would
        // have filled hundreds of buffers for a subscriber that had already completed.)
        Assert.Equal(pool.Rented, pool.Returned);
    }

    [Fact]
    public void FindProblem_DeviceThatExists_IsNull()
    {
        SkipWithoutAlsa();

        Assert.Null(AlsaCaptureSource.FindProblem(Options("null")));
    }

    [Fact]
    public void FindProblem_MissingDevice_NamesTheDeviceAndWhatToCheck()
    {
        SkipWithoutAlsa();

        var problem = AlsaCaptureSource.FindProblem(Options("sensact_no_such_device"));

        Assert.NotNull(problem);
        Assert.Contains("'sensact_no_such_device' does not exist", problem, StringComparison.Ordinal);
        Assert.Contains("arecord -l", problem, StringComparison.Ordinal);
        Assert.Contains("plughw", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_MissingDevice_EndWithAnAlsaExceptionNamingTheDevice()
    {
        SkipWithoutAlsa();
        var source = new AlsaCaptureSource("mic", Options("sensact_no_such_device"));

        var error = await Assert.ThrowsAsync<AlsaException>(() => Capture(source, 1));

        Assert.Equal("sensact_no_such_device", error.Device);
        Assert.True(error.ErrorCode < 0);
        Assert.Contains("arecord -l", error.Message, StringComparison.Ordinal);
    }

    private static void SkipWithoutAlsa() =>
        Assert.SkipWhen(AlsaTestDevices.Unavailable is not null, $"ALSA tests skipped: {AlsaTestDevices.Unavailable}");

    private static AlsaCaptureOptions Options(string device, int rate = 16_000, int channels = 1, int period = 512) =>
        new() { Driver = "alsa", Device = device, SampleRateHz = rate, Channels = channels, PeriodSamples = period, BufferPeriods = 4 };

    /// <summary>The extremes and zero first, then seeded random samples over the whole S16 range.</summary>
    private static short[] TestSignal(int length, int seed)
    {
        var random = new Random(seed);
        var samples = new short[length];
        short[] extremes = [short.MinValue, short.MaxValue, 0, 1, -1, short.MinValue + 1, short.MaxValue - 1];
        for (var i = 0; i < length; i++)
        {
            samples[i] = i < extremes.Length ? extremes[i] : (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        return samples;
    }

    /// <summary>Takes <paramref name="count"/> chunks, copying and releasing each one's samples.</summary>
    private static async Task<List<(float[] Samples, Frame<AudioChunk> Frame)>> Capture(AlsaCaptureSource source, int count)
    {
        var chunks = await source.Frames
            .Take(count)
            .Select(frame =>
            {
                var samples = frame.Payload.Samples.Span.ToArray();
                frame.Payload.Release();
                return (samples, frame);
            })
            .ToList()
            .ToTask()
            .WaitAsync(Patience, TestContext.Current.CancellationToken);
        return [.. chunks];
    }
}
