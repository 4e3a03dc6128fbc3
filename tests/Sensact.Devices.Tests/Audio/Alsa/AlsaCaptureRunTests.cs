using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Alsa;
using Sensact.Devices.Buffers;
using static Sensact.Devices.Tests.Audio.Alsa.ScriptedPcm;

namespace Sensact.Devices.Tests.Audio.Alsa;

/// <summary>
/// The capture loop over a scripted PCM: over-runs, suspends, errors, stalls and disposal, which
/// ALSA's software plugins cannot produce. No libasound needed.
/// </summary>
public sealed class AlsaCaptureRunTests
{
    private const int EPipe = 32;
    private const int ENoDev = 19;
    private const int EStrPipe = 86;
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly AlsaCaptureOptions Options = new() { Driver = "alsa", Device = "hw:1,0" };

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new AlsaCaptureSource(null!, Options));
        Assert.Throws<ArgumentException>(() => new AlsaCaptureSource(" ", Options));
        Assert.Throws<ArgumentNullException>(() => new AlsaCaptureSource("mic", null!));
        var error = Assert.Throws<ArgumentException>(() => new AlsaCaptureSource("mic", new AlsaCaptureOptions { PeriodSamples = 0 }));
        Assert.Contains("PeriodSamples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overrun_IsRecoveredAndCounted_AndTheLostAudioIsAGapInTheTimes()
    {
        var logger = new RecordingLogger();
        // Three periods, half of a fourth, an over-run; the device restarted 200 ms (3,200 frames)
        // after it first started, by its own clock.
        var pcm = new ScriptedPcm(
            [Step.Period(1), Step.Period(2), Step.Period(3), Step.Partial(4, 256), Step.Fail(-EPipe), Step.Period(5), Step.Period(6)],
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.2)]);
        var source = Source(pcm, new FakeTimeProvider(Start), logger: logger);

        var frames = await Capture(source, 5);

        Assert.Equal([1, 2, 3, 5, 6], frames.Select(frame => frame.First));
        Assert.Equal(
            [Start, Start.AddMilliseconds(32), Start.AddMilliseconds(64), Start.AddMilliseconds(200), Start.AddMilliseconds(232)],
            frames.Select(frame => frame.Frame.OriginatingTime));
        Assert.Equal([0L, 1, 2, 3, 4], frames.Select(frame => frame.Frame.Sequence));
        Assert.Equal(1, source.Overruns);
        // Not delivered: the 256 frames of the cut period and the 1,408 never captured.
        Assert.Equal(3200 - (3 * 512), source.LostFrames);
        Assert.Equal([-EPipe], pcm.Recovered);
        Assert.Equal(2, pcm.Starts);
        var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("over-run", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1L, warning.Values["Overruns"]);
    }

    [Fact]
    public async Task Overrun_DeviceWithoutTriggerTimes_GapIsMeasuredOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider(Start);
        var pcm = new ScriptedPcm([Step.Period(1), Step.Period(2), Step.Period(3), Step.Fail(-EPipe), Step.Period(4)])
        {
            OnRecover = () => clock.SetUtcNow(Start.AddMilliseconds(300)),
        };
        var source = Source(pcm, clock);

        var frames = await Capture(source, 4);

        Assert.Equal(Start.AddMilliseconds(300), frames[3].Frame.OriginatingTime);
        Assert.Equal(4800 - (3 * 512), source.LostFrames);
    }

    [Fact]
    public async Task Overrun_RestartSoonerThanTheAudioRead_NeverMovesTimeBack()
    {
        // A restart 50 ms after the start by the device's clock, though 96 ms were read: no gap.
        var pcm = new ScriptedPcm(
            [Step.Period(1), Step.Period(2), Step.Period(3), Step.Fail(-EPipe), Step.Period(4)],
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.05)]);
        var source = Source(pcm, new FakeTimeProvider(Start));

        var frames = await Capture(source, 4);

        Assert.Equal(Start.AddMilliseconds(96), frames[3].Frame.OriginatingTime);
        Assert.Equal((1, 0L), (source.Overruns, source.LostFrames));
    }

    [Fact]
    public async Task Suspend_IsRecoveredButNotCountedAsAnOverrun()
    {
        var pcm = new ScriptedPcm(
            [Step.Period(1), Step.Fail(-EStrPipe), Step.Period(2)],
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11)]);
        var source = Source(pcm, new FakeTimeProvider(Start));

        var frames = await Capture(source, 2);

        Assert.Equal(Start.AddSeconds(1), frames[1].Frame.OriginatingTime);
        Assert.Equal((0, 16_000 - 512L), (source.Overruns, source.LostFrames));
        Assert.Equal([-EStrPipe], pcm.Recovered);
    }

    [Fact]
    public async Task ReadError_EndsTheStreamWithAnAlsaException_AndClosesTheDevice()
    {
        var pcm = new ScriptedPcm([Step.Period(1), Step.Fail(-ENoDev)]);
        var source = Source(pcm);

        var error = await Assert.ThrowsAsync<AlsaException>(() => Capture(source, 2));

        Assert.Equal((-ENoDev, "hw:1,0"), (error.ErrorCode, error.Device));
        Assert.Contains("'hw:1,0' went away", error.Message, StringComparison.Ordinal);
        Assert.True(SpinWait.SpinUntil(() => pcm.Disposed, Patience));
    }

    [Fact]
    public async Task OpenError_EndsTheStreamWithIt()
    {
        var failure = new AlsaException("hw:1,0", -16, "busy");
        var source = new AlsaCaptureSource("mic", Options, _ => throw failure);

        var error = await Assert.ThrowsAsync<AlsaException>(() => Capture(source, 1));

        Assert.Same(failure, error);
    }

    [Fact]
    public async Task Device_DeliveringNothing_EndsTheStreamAsStalled()
    {
        var pcm = new ScriptedPcm([Step.Period(1)]);
        var source = Source(pcm);

        var error = await Assert.ThrowsAsync<AlsaException>(() => Capture(source, 2));

        Assert.Contains("delivered no audio for 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_FromAnotherThread_StopsTheThreadAndClosesTheDeviceBeforeReturning()
    {
        var pcm = new ScriptedPcm([]) { Then = Step.Period(7) };
        var pool = new BufferPool<float>();
        var source = Source(pcm, pool: pool);
        var received = 0;
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = source.Frames.Subscribe(frame =>
        {
            frame.Payload.Release();
            if (Interlocked.Increment(ref received) == 3)
            {
                three.SetResult();
            }
        });
        await three.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        subscription.Dispose();

        Assert.True(pcm.Disposed);
        var after = Volatile.Read(ref received);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(after, Volatile.Read(ref received));
    }

    [Fact]
    public void Convert_EveryS16Value_IsValueOver32768Exactly()
    {
        var all = Enumerable.Range(short.MinValue, 65536).Select(value => (short)value).ToArray();
        var floats = new float[all.Length];

        AlsaCaptureRun.Convert(all, floats);

        for (var i = 0; i < all.Length; i++)
        {
            Assert.Equal(all[i], (double)floats[i] * 32768);
        }

        Assert.Equal((-1f, 32767f / 32768f), (floats[0], floats[^1]));
    }

    private static AlsaCaptureSource Source(ScriptedPcm pcm, TimeProvider? clock = null, BufferPool<float>? pool = null, ILogger? logger = null) =>
        new("mic", Options, _ => pcm, clock, pool, logger);

    private static async Task<List<(float First, Frame<AudioChunk> Frame)>> Capture(AlsaCaptureSource source, int count)
    {
        var frames = await source.Frames
            .Take(count)
            .Select(frame =>
            {
                var first = frame.Payload.Samples.Span[0] * 32768f;
                Assert.All(frame.Payload.Samples.Span.ToArray(), sample => Assert.Equal(first, sample * 32768f));
                frame.Payload.Release();
                return (first, frame);
            })
            .ToList()
            .ToTask()
            .WaitAsync(Patience, TestContext.Current.CancellationToken);
        return [.. frames];
    }
}
