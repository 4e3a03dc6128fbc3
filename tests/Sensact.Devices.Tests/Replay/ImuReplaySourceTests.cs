using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Sensact.Devices.Imu;
using Sensact.Devices.Replay;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Replay;

public sealed class ImuReplaySourceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("options", () => new ImuReplaySource("imu0", null!));

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithValidationMessage()
    {
        var error = Assert.Throws<ArgumentException>("options", () => new ImuReplaySource("imu0", new ReplayOptions { SpeedFactor = -1 }));

        Assert.Contains("SpeedFactor must be greater than 0 (got -1).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Options_TakesIdAndReadsNothing()
    {
        var source = new ImuReplaySource("wrist", new ReplayOptions { Path = "no/such/file.csv" });

        Assert.Equal("wrist", source.Id);
        Assert.Equal(0, source.MalformedLines);
        Assert.Null(source.CurrentRecording);
    }

    [Fact]
    public void Frames_MissingPath_EndsWithErrorNamingPath()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "missing");
        var scheduler = new HistoricalScheduler(T0);

        var recorder = Replay(path, scheduler).Frames.Record(scheduler);
        scheduler.Start();

        var error = Assert.IsType<FileNotFoundException>(recorder.Error);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Values);
    }

    [Fact]
    public void Frames_FolderWithoutRecordings_EndsWithError()
    {
        using var folder = new TempFolder();
        folder.Write("walking/notes.txt", "nothing here");
        var scheduler = new HistoricalScheduler(T0);

        var recorder = Replay(folder.Path, scheduler).Frames.Record(scheduler);
        scheduler.Start();

        Assert.IsType<FileNotFoundException>(recorder.Error);
    }

    [Fact]
    public void Frames_EmptyRecording_CompletesWithoutFramesEvenWhenLooping()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/empty.csv", "", "");
        var scheduler = new HistoricalScheduler(T0);

        var recorder = Replay(file, scheduler, loop: true).Frames.Record(scheduler);
        scheduler.Start();

        Assert.Empty(recorder.Values);
        Assert.True(recorder.Completed);
    }

    [Fact]
    public void Frames_Disposed_StopsEmitting()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(10));
        var scheduler = new HistoricalScheduler(T0);
        var source = Replay(file, scheduler, loop: true);
        var recorder = source.Frames.Record(scheduler, out var subscription);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        subscription.Dispose();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(10));

        Assert.Equal(27, recorder.Values.Count); // samples 0..26; sample 26 is due at exactly 1 s
        Assert.False(recorder.Completed);
        Assert.Null(source.CurrentRecording);
    }

    [Fact]
    public void Frames_SpeedFactorTwo_PacesBySceneClock()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(100));
        var scheduler = new HistoricalScheduler(T0);

        var recorder = Replay(file, scheduler, speed: 2).Frames.Record(scheduler);
        scheduler.Start();

        var frames = recorder.Values;
        Assert.Equal(100, frames.Count);
        Assert.Equal(T0.AddSeconds(1), recorder.ValueTimes[52]);
        Assert.Equal(T0.AddSeconds(1), frames[52].OriginatingTime);
        Assert.Equal(52, frames[52].Sequence);
        Assert.Equal(T0.AddTicks((long)Math.Round(TimeSpan.TicksPerSecond / 52d)), frames[1].OriginatingTime);
        Assert.Equal(recorder.ValueTimes, frames.Select(f => f.OriginatingTime));
    }

    [Fact]
    public void Frames_SubscribedLater_CountsTimeFromSubscription()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(27));
        var scheduler = new HistoricalScheduler(T0);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(5));

        var recorder = Replay(file, scheduler).Frames.Record(scheduler);
        scheduler.Start();

        Assert.Equal(T0.AddSeconds(5), recorder.ValueTimes[0]);
        Assert.Equal(T0.AddSeconds(6), recorder.ValueTimes[26]);
    }

    [Fact]
    public void Frames_Loop_ContinuesSequenceAndPaceAcrossLoops()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(3));
        var scheduler = new HistoricalScheduler(T0);

        var recorder = Replay(file, scheduler, loop: true).Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(6 / 26d));

        var frames = recorder.Values;
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], frames.Select(f => f.Sequence));
        Assert.Equal([0f, 1, 2, 0, 1, 2, 0], frames.Select(f => MilliG(f.Payload.Acceleration.X)));
        Assert.Equal(T0.AddTicks((long)Math.Round(5 * TimeSpan.TicksPerSecond / 26d)), frames[5].OriginatingTime);
        Assert.False(recorder.Completed);
    }

    [Fact]
    public void Frames_NoLoop_CompletesRightAfterLastSample()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(3));
        var scheduler = new HistoricalScheduler(T0);
        var source = Replay(file, scheduler);

        var recorder = source.Frames.Record(scheduler);
        scheduler.Start();

        Assert.Equal(3, recorder.Values.Count);
        Assert.True(recorder.Completed);
        Assert.Equal(recorder.ValueTimes[^1], recorder.Messages[^1].Time);
        Assert.Null(source.CurrentRecording);
    }

    [Fact]
    public void Frames_Folder_PlaysRoundRobinAcrossActivitiesAndReportsWhatPlays()
    {
        using var folder = new TempFolder();
        folder.Write("walking/walking_01.csv", "1,0,0");
        folder.Write("walking/walking_02.csv", "2,0,0");
        folder.Write("running/running_01.csv", "3,0,0");
        folder.Write("stationary/stationary_02.csv", "5,0,0");
        folder.Write("stationary/stationary_01.csv", "4,0,0");
        folder.Write("stationary/stationary_03.csv", "6,0,0");
        var scheduler = new HistoricalScheduler(T0);
        var source = Replay(folder.Path, scheduler);

        var recorder = source.Frames
            .Select(frame => (X: MilliG(frame.Payload.Acceleration.X), source.CurrentRecording, source.CurrentLabel))
            .Record(scheduler);
        scheduler.Start();

        Assert.Equal(
            [
                (3f, "running_01", "running"), (4f, "stationary_01", "stationary"), (1f, "walking_01", "walking"),
                (5f, "stationary_02", "stationary"), (2f, "walking_02", "walking"), (6f, "stationary_03", "stationary"),
            ],
            recorder.Values);
    }

    [Fact]
    public void Frames_MalformedLines_AreSkippedAndCounted()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", "1,2,3", "oops", "", "4,5", "7,8,9", "1,2,3,4");
        var scheduler = new HistoricalScheduler(T0);
        var source = Replay(file, scheduler);

        var recorder = source.Frames.Record(scheduler);
        scheduler.Start();

        Assert.Equal([1f, 7f], recorder.Values.Select(f => MilliG(f.Payload.Acceleration.X)));
        Assert.Equal([0L, 1L], recorder.Values.Select(f => f.Sequence));
        Assert.Equal(3, source.MalformedLines);
    }

    [Fact]
    public void Frames_EachSubscription_ReadsAnewAndCountsFromZero()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", "1,2,3", "bad");
        var scheduler = new HistoricalScheduler(T0);
        var source = Replay(file, scheduler);

        var first = source.Frames.Record(scheduler);
        scheduler.Start();
        var second = source.Frames.Record(scheduler);
        scheduler.Start();

        Assert.Equal([0L], first.Values.Select(f => f.Sequence));
        Assert.Equal([0L], second.Values.Select(f => f.Sequence));
        Assert.Equal(2, source.MalformedLines);
    }

    [Fact]
    public void Frames_StmDataSet_PlaysEveryRecordedSampleWithLabels()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = Replay(Path.Combine(AppContext.BaseDirectory, "data", "stm32-har"), scheduler, speed: 10);
        var labels = new List<string?>();

        var recorder = source.Frames.Do(_ => labels.Add(source.CurrentLabel)).Record(scheduler);
        scheduler.Start();

        var running = ImuCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "stm32-har", "running", "running_01_26Hz_4g_mg.csv"));
        Assert.True(recorder.Completed);
        Assert.Equal(2000, recorder.Values.Count);
        Assert.Equal(["running", "walking"], labels.Distinct());
        Assert.Equal(running.Samples, recorder.Values.Take(1000).Select(f => f.Payload));
        Assert.All(recorder.Values, f => Assert.Equal("imu0", f.SourceId));
        Assert.Equal(T0.AddTicks((long)Math.Round(1999 * TimeSpan.TicksPerSecond / 260d)), recorder.Values[^1].OriginatingTime);
        Assert.Equal(0, source.MalformedLines);
    }

    [Fact]
    public async Task Frames_DefaultScheduler_EmitsEverySampleInOrder()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(50));
        var source = new ImuReplaySource("imu0", new ReplayOptions { Path = file, SpeedFactor = 1000, Loop = false });

        var frames = await source.Frames.ToArray().ToTask(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), frames.Select(f => f.Sequence));
        Assert.Equal(frames.Select(f => f.OriginatingTime).Order(), frames.Select(f => f.OriginatingTime));
    }

    [Fact]
    public void Frames_Paced_NeverSchedulesAtAbsoluteTimes()
    {
        // Rx re-plans absolute due times from a system-clock monitor thread, which once reached an
        // event-loop scheduler after the agent had disposed it (exit 134 at shutdown).
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(30));
        var scheduler = new RelativeOnlyScheduler(new HistoricalScheduler(T0));

        var recorder = Replay(file, scheduler, loop: true).Frames.Record(scheduler);
        scheduler.Inner.AdvanceBy(TimeSpan.FromSeconds(3));

        Assert.Equal(79, recorder.Values.Count); // 3 s at 26 Hz: samples 0..78
        Assert.Null(recorder.Error);
    }

    [Fact]
    public void Frames_AsFastAsPossible_EmitsEverythingAtOnceStampedWithRecordingTime()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(10_000));
        var scheduler = new HistoricalScheduler(T0);
        var options = new ReplayOptions { Path = file, SampleRateHz = 100, AsFastAsPossible = true, Loop = false };

        var recorder = new ImuReplaySource("imu0", options, scheduler).Frames.Record(scheduler);
        scheduler.Start();

        Assert.True(recorder.Completed);
        Assert.Equal(T0, scheduler.Now);
        Assert.Equal(10_000, recorder.Values.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i), recorder.Values.Select(f => f.Sequence));
        Assert.Equal(T0.AddMilliseconds(99_990), recorder.Values[^1].OriginatingTime);
    }

    [Fact]
    public void Frames_AsFastAsPossibleDisposed_StopsBetweenBatches()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(10));
        var scheduler = new HistoricalScheduler(T0);
        var options = new ReplayOptions { Path = file, AsFastAsPossible = true, Loop = true };
        var count = 0;
        IDisposable? subscription = null;

        subscription = new ImuReplaySource("imu0", options, scheduler).Frames.Subscribe(_ =>
        {
            if (++count == 5000)
            {
                subscription!.Dispose();
            }
        });
        scheduler.Start();

        Assert.Equal(5000, count);
    }

    [Fact]
    public void Frames_LoopingPathRemoved_FailsAtTheNextPass()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", Lines(3));
        var scheduler = new HistoricalScheduler(T0);

        var recorder = Replay(file, scheduler, loop: true).Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(1 / 26d));
        File.Delete(file);
        scheduler.AdvanceTo(T0.AddSeconds(1));

        Assert.Equal(3, recorder.Values.Count);
        Assert.IsType<FileNotFoundException>(recorder.Error);
    }

    [Fact]
    public void FindProblem_PlayablePathOrNothingToPlay_SaysWhich()
    {
        using var folder = new TempFolder();
        var good = folder.Write("walking/walk.csv", Lines(3));
        var malformed = folder.Write("bad/bad.csv", "oops", "1,2");
        folder.Write("empty/readme.txt", "none");

        Assert.Null(ImuReplaySource.FindProblem(good));
        Assert.Contains("no well-formed sample", ImuReplaySource.FindProblem(malformed), StringComparison.Ordinal);
        Assert.Contains("holds no *.csv", ImuReplaySource.FindProblem(Path.Combine(folder.Path, "empty")), StringComparison.Ordinal);
        Assert.Contains("neither a CSV file nor a folder", ImuReplaySource.FindProblem(Path.Combine(folder.Path, "missing")), StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_GenericRecording_PacedByTheFilesOwnTimesAcrossLoops()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/g.csv", "t,ax,ay,az,gx,gy,gz", "5.0,1,0,0,0,0,1", "5.1,2,0,0,0,0,2", "5.4,3,0,0,0,0,3");
        var scheduler = new HistoricalScheduler(T0);

        var recorder = new ImuReplaySource("imu0", new ReplayOptions { Path = file, SampleRateHz = 10, SpeedFactor = 2, Loop = true }, scheduler)
            .Frames.Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(0.49));

        // At 2x: 0, 0.05, 0.2 s, then the next pass one sample period (0.1 s of recording) after the last: 0.25, 0.3, 0.45 s.
        Assert.Equal(
            [0, 50, 200, 250, 300, 450],
            recorder.Values.Select(f => (int)Math.Round((f.OriginatingTime - T0).TotalMilliseconds)));
        Assert.Equal([1f, 2, 3, 1, 2, 3], recorder.Values.Select(f => f.Payload.Acceleration.X));
        Assert.Equal(new System.Numerics.Vector3(0, 0, 3), recorder.Values[2].Payload.AngularVelocity);
    }

    [Fact]
    public void Frames_GenericRecordingAsFastAsPossible_OriginatingTimesAreTheFilesTimes()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/g.csv", "t,ax,ay,az", "1.00,1,0,0", "1.01,2,0,0", "1.05,3,0,0");
        var scheduler = new HistoricalScheduler(T0);

        var recorder = new ImuReplaySource("imu0", new ReplayOptions { Path = file, AsFastAsPossible = true, Loop = false }, scheduler)
            .Frames.Record(scheduler);
        scheduler.Start();

        Assert.Equal([T0, T0.AddMilliseconds(10), T0.AddMilliseconds(50)], recorder.Values.Select(f => f.OriginatingTime));
        Assert.True(recorder.Completed);
    }

    private sealed class RelativeOnlyScheduler(HistoricalScheduler inner) : IScheduler
    {
        public HistoricalScheduler Inner => inner;

        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
            inner.Schedule(state, (_, s) => action(this, s));

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) =>
            inner.Schedule(state, dueTime, (_, s) => action(this, s));

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
            throw new InvalidOperationException("scheduled at an absolute time");
    }

    private static ImuReplaySource Replay(string path, IScheduler scheduler, double speed = 1, bool loop = false) =>
        new("imu0", new ReplayOptions { Path = path, SpeedFactor = speed, Loop = loop }, scheduler);

    // The STM32 files are in milli-g; frames carry m/s².
    private static float MilliG(float metresPerSecondSquared) => MathF.Round(metresPerSecondSquared * 1000 / 9.80665f);

    private static string[] Lines(int count) =>
        Enumerable.Range(0, count).Select(i => FormattableString.Invariant($"{i},0,0")).ToArray();
}
