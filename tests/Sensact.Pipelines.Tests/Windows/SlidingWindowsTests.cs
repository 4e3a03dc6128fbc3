using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Sensact.Devices;
using Sensact.Pipelines.Windows;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Windows;

public sealed class SlidingWindowsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SlidingWindows_NullSource_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("source", () => ((IObservable<Frame<int>>)null!).SlidingWindows(3, 1));

    [Theory]
    [InlineData(0, 1, "size")]
    [InlineData(-1, 1, "size")]
    [InlineData(3, 0, "hop")]
    public void SlidingWindows_SizeOrHopBelowOne_ThrowsWhenCalled(int size, int hop, string parameter) =>
        Assert.Throws<ArgumentOutOfRangeException>(parameter, () => Observable.Never<Frame<int>>().SlidingWindows(size, hop));

    [Fact]
    public void SlidingWindows_EmptySource_CompletesWithoutWindows()
    {
        var recorder = Observable.Empty<Frame<int>>().SlidingWindows(3, 1).Select(w => w.Copy()).Record(ImmediateScheduler.Instance);

        Assert.Empty(recorder.Values);
        Assert.True(recorder.Completed);
    }

    [Fact]
    public void SlidingWindows_ErrorSource_ForwardsErrorAfterCompleteWindows()
    {
        var boom = new InvalidOperationException("boom");

        var recorder = Frames(4).Concat(Observable.Throw<Frame<int>>(boom)).SlidingWindows(2, 2).Select(w => w.Copy()).Record(ImmediateScheduler.Instance);

        Assert.Equal(2, recorder.Values.Count);
        Assert.Same(boom, recorder.Error);
    }

    [Fact]
    public void SlidingWindows_Disposed_StopsWindowsAndUnsubscribesUpstream()
    {
        using var source = new Subject<Frame<int>>();
        var recorder = source.SlidingWindows(2, 1).Select(w => w.Copy()).Record(ImmediateScheduler.Instance, out var subscription);
        source.OnNext(Frame(0));
        source.OnNext(Frame(1));

        subscription.Dispose();
        source.OnNext(Frame(2));

        Assert.Single(recorder.Values);
        Assert.False(source.HasObservers);
    }

    [Fact]
    public void SlidingWindows_HopOne_EmitsOverlappingWindowsWithSequence()
    {
        var windows = Frames(5).SlidingWindows(3, 1).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;

        Assert.Equal([[0, 1, 2], [1, 2, 3], [2, 3, 4]], windows.Select(Payloads));
        Assert.Equal([0L, 1L, 2L], windows.Select(w => w.Sequence));
    }

    [Fact]
    public void SlidingWindows_HopEqualsSize_EmitsTumblingWindowsWithoutPartialAtEnd()
    {
        var recorder = Frames(7).SlidingWindows(3, 3).Select(w => w.Copy()).Record(ImmediateScheduler.Instance);

        Assert.Equal([[0, 1, 2], [3, 4, 5]], recorder.Values.Select(Payloads));
        Assert.True(recorder.Completed);
    }

    [Fact]
    public void SlidingWindows_HopGreaterThanSize_SkipsFramesBetweenWindows()
    {
        var windows = Frames(8).SlidingWindows(2, 3).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;

        Assert.Equal([[0, 1], [3, 4], [6, 7]], windows.Select(Payloads));
        Assert.Equal([0L, 1L, 2L], windows.Select(w => w.Sequence));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    [InlineData(5, 2)]
    [InlineData(3, 7)]
    [InlineData(26, 13)]
    public void SlidingWindows_ManyFrames_MatchesDefinition(int size, int hop)
    {
        const int count = 100;

        var windows = Frames(count).SlidingWindows(size, hop).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;

        var expected = Enumerable.Range(0, count)
            .Where(start => start % hop == 0 && start + size <= count)
            .Select(start => Enumerable.Range(start, size).ToArray());
        Assert.Equal(expected, windows.Select(Payloads));
    }

    [Fact]
    public void SlidingWindows_LaterFrames_DoNotChangeEarlierWindows()
    {
        var windows = Frames(6).SlidingWindows(2, 1).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;

        Assert.Equal([0, 1], Payloads(windows[0]));
        Assert.Equal(T0, windows[0].Start);
        Assert.Equal(T0.AddMilliseconds(10), windows[0].End);
        Assert.Equal("imu0", windows[0].SourceId);
    }

    [Fact]
    public void SlidingWindows_EachSubscription_CountsFromZero()
    {
        var stream = Frames(4).SlidingWindows(2, 2).Select(w => w.Copy());

        var first = stream.Record(ImmediateScheduler.Instance).Values;
        var second = stream.Record(ImmediateScheduler.Instance).Values;

        Assert.Equal([0L, 1L], first.Select(w => w.Sequence));
        Assert.Equal([0L, 1L], second.Select(w => w.Sequence));
    }

    private static Frame<int> Frame(int i) => new(i, T0.AddMilliseconds(10 * i), "imu0", i);

    private static IObservable<Frame<int>> Frames(int count) => Observable.Range(0, count).Select(Frame);

    [Fact]
    public void SlidingWindows_NewSegment_StartsCountingAgainSoNoWindowSpansTheGap()
    {
        // Frames 0-4 from the first opening, 5-10 after the sensor was reopened (segment 1); windows
        // end at sequence numbers 2, 4, 6, 8, 10.
        var frames = Observable.Range(0, 11).Select(i => Frame(i) with { Segment = i < 5 ? 0 : 1 });

        var windows = frames.SlidingWindows(3, 2).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;

        Assert.Equal([[0, 1, 2], [2, 3, 4], [6, 7, 8], [8, 9, 10]], windows.Select(Payloads));
        Assert.Equal([0L, 1L, 2L, 3L], windows.Select(w => w.Sequence));
    }

    [Fact]
    public void SlidingWindows_SubscribedMidStream_CutsTheWindowsAnEarlierSubscriberCuts()
    {
        var early = Observable.Range(0, 30).Select(Frame).SlidingWindows(4, 3).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;
        var late = Observable.Range(7, 23).Select(Frame).SlidingWindows(4, 3).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;

        Assert.Equal(early.Select(Payloads).Where(p => p[0] >= 7), late.Select(Payloads));
        Assert.Equal([[9, 10, 11, 12], [12, 13, 14, 15]], late.Select(Payloads).Take(2));
    }

    [Fact]
    public void SlidingWindows_FrameAtAWindowEndDropped_EndsTheWindowAtTheNextFrame()
    {
        var frames = Observable.Range(0, 12).Where(i => i != 5).Select(Frame);

        var windows = frames.SlidingWindows(3, 3).Select(w => w.Copy()).Record(ImmediateScheduler.Instance).Values;

        Assert.Equal([[0, 1, 2], [3, 4, 6], [6, 7, 8], [9, 10, 11]], windows.Select(Payloads));
    }

    [Fact]
    public void SlidingWindows_WindowReadAfterItsOnNext_Throws()
    {
        var windows = Frames(4).SlidingWindows(2, 1).Record(ImmediateScheduler.Instance).Values;

        Assert.Throws<InvalidOperationException>(() => windows[0].Count);
        Assert.Equal(2, windows[^1].Count); // the newest window's buffer is still its own
    }

    [Fact]
    public void SlidingWindows_SteadyStream_AllocatesNothingPerFrame()
    {
        var sum = 0L;
        var subject = new Subject<Frame<int>>();
        using var subscription = subject.SlidingWindows(4, 2).Subscribe(w => sum += w.Frames[0].Payload);
        for (var i = 0; i < 100; i++)
        {
            subject.OnNext(Frame(i));
        }

        var next = 100;
        var allocated = Allocations.SteadyState(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                subject.OnNext(Frame(next++));
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(sum > 0);
    }

    private static int[] Payloads(SensorWindow<int> window) => window.Frames.ToArray().Select(f => f.Payload).ToArray();
}
