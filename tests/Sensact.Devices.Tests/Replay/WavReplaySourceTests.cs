using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Wav;
using Sensact.Devices.Replay;
using Sensact.Devices.Tests.Audio;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Replay;

public sealed class WavReplaySourceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithValidationMessage()
    {
        var error = Assert.Throws<ArgumentException>("options", () => new WavReplaySource("mic", new ReplayOptions { Path = "a.wav", PeriodSamples = 0 }));

        Assert.Contains("PeriodSamples must be between 1 and 65536 (got 0).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_File_TakesRateAndChannelsFromHeader()
    {
        using var folder = new TempFolder();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(8000, 2, new short[20]));

        var source = new WavReplaySource("mic", new ReplayOptions { Path = path });

        Assert.Equal((8000.0, 2, 512), (source.SampleRateHz, source.Channels, source.PeriodSamples));
    }

    [Fact]
    public void Frames_RealTime_ChunksIntoPeriodsPacedByRate()
    {
        using var folder = new TempFolder();
        var samples = Enumerable.Range(0, 1000).Select(i => (short)i).ToArray();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(1000, 1, samples));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = path, PeriodSamples = 300, Loop = false }, scheduler);

        var recorder = source.Frames.Select(Copy).Record(scheduler);
        scheduler.Start();

        Assert.True(recorder.Completed);
        Assert.Equal([T0, T0.AddSeconds(0.3), T0.AddSeconds(0.6), T0.AddSeconds(0.9)], recorder.ValueTimes);
        Assert.Equal([0L, 1, 2, 3], recorder.Values.Select(v => v.Sequence));
        Assert.All(recorder.Values, v => Assert.Equal(300, v.Samples.Length));
        Assert.Equal(299 / 32768f, recorder.Values[0].Samples[299]);
        Assert.Equal(999 / 32768f, recorder.Values[3].Samples[99]);
        Assert.All(recorder.Values[3].Samples[100..], sample => Assert.Equal(0f, sample));
    }

    [Fact]
    public void Frames_SpeedFactor_DividesDueTimes()
    {
        using var folder = new TempFolder();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(1000, 1, new short[2000]));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = path, PeriodSamples = 500, SpeedFactor = 4, Loop = false }, scheduler);

        var recorder = source.Frames.Select(Copy).Record(scheduler);
        scheduler.Start();

        Assert.Equal([T0, T0.AddSeconds(0.125), T0.AddSeconds(0.25), T0.AddSeconds(0.375)], recorder.ValueTimes);
    }

    [Fact]
    public void Frames_AsFastAsPossible_StampsSceneTimeWithoutWaiting()
    {
        using var folder = new TempFolder();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(16000, 1, new short[16000 * 60]));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = path, AsFastAsPossible = true, Loop = false }, scheduler);

        var recorder = source.Frames.Select(Copy).Record(scheduler);
        scheduler.Start();

        Assert.Equal(1875, recorder.Values.Count);
        Assert.All(recorder.ValueTimes, time => Assert.Equal(T0, time));
        Assert.Equal(T0.AddSeconds(1874 * 0.032), recorder.Values[^1].Time);
    }

    [Fact]
    public void Frames_Loop_PlaysFolderAgainAcrossFilesWithoutGap()
    {
        using var folder = new TempFolder();
        WavBytes.WriteTo(folder, "speech/a.wav", WavBytes.Pcm16(1000, 1, [1, 2, 3]));
        WavBytes.WriteTo(folder, "noise/b.wav", WavBytes.Pcm16(1000, 1, [4, 5]));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = folder.Path, PeriodSamples = 4 }, scheduler);
        var labels = new List<string?>();

        var recorder = source.Frames.Do(_ => labels.Add(source.CurrentLabel)).Select(Copy).Take(3).Record(scheduler);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        // Folders by path: noise/b.wav, then speech/a.wav; 5 frames a pass.
        Assert.Equal([4f, 5, 1, 2], recorder.Values[0].Samples.Select(s => s * 32768f));
        Assert.Equal([3f, 4, 5, 1], recorder.Values[1].Samples.Select(s => s * 32768f));
        Assert.Equal([2f, 3, 4, 5], recorder.Values[2].Samples.Select(s => s * 32768f));
        Assert.Equal(["speech", "speech", "noise"], labels);
    }

    [Fact]
    public void Frames_ResampleToHz_ResamplesAndReportsNewRate()
    {
        using var folder = new TempFolder();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(8000, 1, WavBytes.Sine(1000, 8000, 8000)));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = path, ResampleToHz = 16000, PeriodSamples = 512, Loop = false }, scheduler);

        var recorder = source.Frames.Select(Copy).Record(scheduler);
        scheduler.Start();

        Assert.Equal(16000.0, source.SampleRateHz);
        Assert.Equal(32, recorder.Values.Count);
        Assert.All(recorder.Values, v => Assert.Equal(16000, v.Rate));
        Assert.Equal(T0.AddSeconds(31 * 0.032), recorder.ValueTimes[^1]);
        var all = recorder.Values.SelectMany(v => v.Samples).ToArray();
        Assert.InRange(all[1000..15000].Max(), 0.49f, 0.51f);
    }

    [Fact]
    public void Frames_MixedRatesWithoutResample_EndsWithErrorNamingFileAndKey()
    {
        using var folder = new TempFolder();
        WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(16000, 1, new short[10]));
        var odd = WavBytes.WriteTo(folder, "b.wav", WavBytes.Pcm16(8000, 1, new short[10]));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = folder.Path }, scheduler);

        var recorder = source.Frames.Select(Copy).Record(scheduler);
        scheduler.Start();

        var error = Assert.IsType<WavFormatException>(recorder.Error);
        Assert.Contains(odd, error.Message, StringComparison.Ordinal);
        Assert.Contains("set ResampleToHz", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, WavReplaySource.FindProblem(new ReplayOptions { Path = folder.Path }));
        Assert.Null(WavReplaySource.FindProblem(new ReplayOptions { Path = folder.Path, ResampleToHz = 16000 }));
    }

    [Fact]
    public void Frames_FileGoneWhileLooping_EndsWithError()
    {
        using var folder = new TempFolder();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(1000, 1, new short[100]));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = path, PeriodSamples = 100 }, scheduler);

        var recorder = source.Frames.Select(Copy).Record(scheduler);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(0.05));
        File.Delete(path);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Single(recorder.Values);
        Assert.IsType<FileNotFoundException>(recorder.Error);
    }

    [Fact]
    public void FindProblem_NotWav_NamesTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.wav", "not audio at all");

        Assert.Contains($"'{path}' is not a RIFF/WAVE file", WavReplaySource.FindProblem(new ReplayOptions { Path = path }), StringComparison.Ordinal);
        Assert.True(WavReplaySource.IsWavPath(path));
        Assert.False(WavReplaySource.IsWavPath(folder.Path + "/x.csv"));
    }

    [Fact]
    public void Frames_Dispose_ReleasesNothingTwiceAndReturnsBuffers()
    {
        using var folder = new TempFolder();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(16000, 1, new short[16000]));
        var scheduler = new HistoricalScheduler(T0);
        var source = new WavReplaySource("mic", new ReplayOptions { Path = path }, scheduler);

        var subscription = source.Frames.Subscribe(frame => frame.Payload.Release());
        scheduler.AdvanceBy(TimeSpan.FromSeconds(3));
        subscription.Dispose();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(3));

        Assert.Equal(source.Pool.Rented, source.Pool.Returned);
        Assert.InRange(source.Pool.Rented, 93, 95);
        Assert.Equal(1, source.Pool.Created);
        Assert.Null(source.CurrentLabel);
    }

    [Fact]
    public void Frames_SteadyState_AllocatesNothingPerPeriod()
    {
        using var folder = new TempFolder();
        // 40 s make 1250 periods: the measured ones do not reach the end of the file, where a
        // looping replay lists and opens its files again (that allocates, once a pass).
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(44100, 1, WavBytes.Sine(440, 44100, 44100 * 40)));
        var source = new WavReplaySource("mic", new ReplayOptions { Path = path, ResampleToHz = 16000, AsFastAsPossible = true }, CurrentThreadScheduler.Instance);
        long periods = 0;
        var readings = new List<long>(8);

        // Four spans of 250 periods: the least tells the replay's own allocations from a one-off
        // the runtime charges to this thread (see Allocations).
        using var subscription = source.Frames.Take(2000).Subscribe(frame =>
        {
            frame.Payload.Release();
            periods++;
            if (periods is >= 100 and <= 1100 && (periods - 100) % 250 == 0)
            {
                readings.Add(GC.GetAllocatedBytesForCurrentThread());
            }
        });

        Assert.Equal(2000, periods);
        Assert.Equal(5, readings.Count);
        Assert.Equal(0, Enumerable.Range(1, 4).Min(i => readings[i] - readings[i - 1]));
    }

    private static (float[] Samples, int Rate, DateTimeOffset Time, long Sequence) Copy(Frame<AudioChunk> frame)
    {
        var copy = frame.Payload.Samples.Span.ToArray();
        var rate = frame.Payload.SampleRate;
        frame.Payload.Release();
        return (copy, rate, frame.OriginatingTime, frame.Sequence);
    }
}
