using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Sensact.Devices;
using Sensact.Pipelines.Tests.Multimodal;
using Sensact.Pipelines.Units;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Units;

public sealed class UnitsTests
{
    private static readonly WindowPlan Plan = new() { Length = TimeSpan.FromSeconds(1), Epoch = Scene.T0 };

    [Fact]
    public void Units_NullArguments_ThrowWhenCalled()
    {
        Assert.Throws<ArgumentNullException>("source", () => ((IObservable<Frame<float>>)null!).Units(Plan, 1));
        Assert.Throws<ArgumentNullException>("plan", () => Observable.Never<Frame<float>>().Units(null!, 1));
        Assert.Throws<ArgumentOutOfRangeException>("framesPerUnit", () => Observable.Never<Frame<float>>().Units(Plan, 0));
    }

    [Fact]
    public void Units_InvalidPlan_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => Observable.Never<Frame<float>>().Units(new WindowPlan { Length = TimeSpan.Zero }, 1));
        Assert.Contains("Length must be greater than 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_EmptySource_Completes()
    {
        var recorder = Observable.Empty<Frame<float>>().Units(Plan, 1).Select(Describe).Record(ImmediateScheduler.Instance);

        Assert.Empty(recorder.Values);
        Assert.True(recorder.Completed);
    }

    [Fact]
    public void Units_ErrorSource_ForwardsError()
    {
        var boom = new InvalidOperationException("boom");
        var recorder = Scene.Frames("a", 100, 1, _ => 0f).ToObservable().Concat(Observable.Throw<Frame<float>>(boom))
            .Units(Plan, 2).Select(Describe).Record(ImmediateScheduler.Instance);

        Assert.Equal(5, recorder.Values.Count);
        Assert.Same(boom, recorder.Error);
    }

    [Fact]
    public void Units_Frames_CutOnOriginatingTimeWithWindowCompletions()
    {
        var recorder = Scene.Frames("a", 100, 2, t => t).ToObservable().Units(Plan, 2).Select(Describe).Record(ImmediateScheduler.Instance);

        Assert.Equal(
            [
                "0:0[0,100]", "0:1[200,300]", "0:2[400,500]", "0:3[600,700]", "0:4[800,900]",
                "1:0[1000,1100]", "1:1[1200,1300]", "1:2[1400,1500]", "1:3[1600,1700]", "1:4[1800,1900]", "1:end(5)",
            ],
            recorder.Values.Where(v => !v.StartsWith("0:end", StringComparison.Ordinal)));
        Assert.Contains("0:end(5)", recorder.Values);
        Assert.Equal("0:end(5)", recorder.Values[5]);
    }

    [Fact]
    public void Units_FramePeriod_CompletesTheWindowAtItsLastFrameAndDropsAFrameLaterThanDue()
    {
        using var subject = new Subject<Frame<float>>();
        var recorder = subject.Units(Plan, 1, framePeriod: TimeSpan.FromMilliseconds(100)).Select(Describe).Record(ImmediateScheduler.Instance);
        foreach (var frame in Scene.Frames("a", 100, 1, t => t))
        {
            subject.OnNext(frame);
        }

        Assert.Equal("0:end(10)", recorder.Values[^1]);

        subject.OnNext(new Frame<float>(0, Scene.T0.AddMilliseconds(950), "a", 10));
        Assert.Equal(11, recorder.Values.Count);
    }

    [Fact]
    public void Units_DroppedFrame_ShortensItsWindowAndDoesNotShiftLaterOnes()
    {
        var all = Scene.Frames("a", 100, 3, t => t);
        var dropped = all.Where(f => f.OriginatingTime != Scene.T0.AddMilliseconds(300)).ToList();

        var full = all.ToObservable().Units(Plan, 2).Select(Describe).Record(ImmediateScheduler.Instance).Values;
        var lossy = dropped.ToObservable().Units(Plan, 2).Select(Describe).Record(ImmediateScheduler.Instance).Values;

        // Window 0 loses one unit (the unfinished last one is discarded); windows 1 and 2 are the same.
        Assert.Equal(["0:0[0,100]", "0:1[200,400]", "0:2[500,600]", "0:3[700,800]", "0:end(4)"], lossy.Where(v => v.StartsWith("0:", StringComparison.Ordinal)));
        Assert.Equal(full.Where(v => !v.StartsWith("0:", StringComparison.Ordinal)), lossy.Where(v => !v.StartsWith("0:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Units_SegmentChange_DiscardsTheUnfinishedUnit()
    {
        var frames = Scene.Frames("a", 100, 1, t => t);
        frames = [.. frames.Take(3), .. frames.Skip(3).Select(f => f with { Segment = 1 })];

        var values = frames.ToObservable().Units(Plan, 2).Select(Describe).Record(ImmediateScheduler.Instance).Values;

        // Frames 0 and 100 make a unit; 200 is alone in segment 0; from 300 on segment 1 pairs again.
        Assert.Equal(["0:0[0,100]", "0:1[300,400]", "0:2[500,600]", "0:3[700,800]", "0:end(4)"], values);
    }

    [Fact]
    public void Units_CloseTolerance_CompletesTheWindowOnTheClockAndDropsLateFrames()
    {
        var clock = new HistoricalScheduler(Scene.T0);
        var plan = new WindowPlan { Length = TimeSpan.FromSeconds(1), Epoch = Scene.T0, CloseTolerance = TimeSpan.FromMilliseconds(50) };
        using var subject = new Subject<Frame<float>>();
        var recorder = subject.Units(plan, 1, clock).Select(Describe).Record(clock);
        Scene.Feed(clock, subject, Scene.Frames("a", 200, 1, t => t), complete: false);

        clock.AdvanceTo(Scene.T0.AddMilliseconds(1049));
        Assert.DoesNotContain("0:end(5)", recorder.Values);
        clock.AdvanceTo(Scene.T0.AddMilliseconds(1050));
        Assert.Equal("0:end(5)", recorder.Values[^1]);
        Assert.Equal(Scene.T0.AddMilliseconds(1050), recorder.ValueTimes[^1]);

        subject.OnNext(new Frame<float>(999, Scene.T0.AddMilliseconds(999), "a", 9));
        Assert.Equal(6, recorder.Values.Count);
    }

    [Fact]
    public void Units_ReadAfterOnNext_Throws()
    {
        var kept = new List<SensingUnit<float>>();
        Scene.Frames("a", 100, 1, t => t).ToObservable().Units(Plan, 1).Subscribe(kept.Add);

        Assert.Throws<InvalidOperationException>(() => kept[0].Frames.Length);
    }

    private static string Describe(SensingUnit<float> unit) => unit.Kind == UnitKind.WindowComplete
        ? $"{unit.Window}:end({unit.Index})"
        : $"{unit.Window}:{unit.Index}[{string.Join(",", unit.Frames.ToArray().Select(f => (f.OriginatingTime - Scene.T0).TotalMilliseconds))}]";
}
