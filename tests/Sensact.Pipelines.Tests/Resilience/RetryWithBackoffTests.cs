using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Resilience;

public sealed class RetryWithBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void RetryWithBackoff_NullSource_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("source", () => ((IObservable<int>)null!).RetryWithBackoff(OneSecond, OneSecond));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RetryWithBackoff_FirstDelayNotPositive_ThrowsWhenCalled(long ticks)
    {
        var source = new CountingSource(_ => Observable.Never<int>());

        Assert.Throws<ArgumentOutOfRangeException>(
            "firstDelay", () => source.Stream.RetryWithBackoff(TimeSpan.FromTicks(ticks), OneSecond));
        Assert.Empty(source.SubscribedAt);
    }

    [Fact]
    public void RetryWithBackoff_MaxDelayBelowFirstDelay_ThrowsWhenCalled()
    {
        var source = new CountingSource(_ => Observable.Never<int>());

        Assert.Throws<ArgumentOutOfRangeException>(
            "maxDelay", () => source.Stream.RetryWithBackoff(OneSecond, OneSecond - TimeSpan.FromTicks(1)));
        Assert.Empty(source.SubscribedAt);
    }

    [Fact]
    public void RetryWithBackoff_MaxDelayEqualToFirstDelay_IsAccepted()
    {
        var stream = Observable.Never<int>().RetryWithBackoff(OneSecond, OneSecond);

        Assert.NotNull(stream);
    }

    [Fact]
    public void RetryWithBackoff_EmptySource_CompletesWithoutRetrying()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = new CountingSource(_ => Observable.Empty<int>(), scheduler);

        var recorder = source.Stream.RetryWithBackoff(OneSecond, OneSecond * 8, scheduler: scheduler).Record(scheduler);
        scheduler.AdvanceTo(T0.AddMinutes(1));

        Assert.True(recorder.Completed);
        Assert.Null(recorder.Error);
        Assert.Empty(recorder.Values);
        Assert.Equal([T0], source.SubscribedAt);
    }

    [Fact]
    public void RetryWithBackoff_HealthySource_PassesValuesThroughAtTheirTimes()
    {
        var scheduler = new HistoricalScheduler(T0);
        var values = Observable.Interval(OneSecond, scheduler).Take(3);

        var recorder = values.RetryWithBackoff(OneSecond, OneSecond * 8, scheduler: scheduler).Record(scheduler);
        scheduler.Start();

        Assert.Equal([0L, 1L, 2L], recorder.Values);
        Assert.Equal([T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(3)], recorder.ValueTimes);
        Assert.True(recorder.Completed);
    }

    [Fact]
    public void RetryWithBackoff_SourceFails_ResubscribesAfterFirstDelayWithoutForwardingTheError()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = new CountingSource(n => n == 1 ? Fail() : Observable.Never<int>(), scheduler);

        var recorder = source.Stream.RetryWithBackoff(TimeSpan.FromSeconds(2), OneSecond * 8, scheduler: scheduler).Record(scheduler);
        scheduler.AdvanceTo(T0.AddSeconds(2) - TimeSpan.FromTicks(1));
        Assert.Equal([T0], source.SubscribedAt);

        scheduler.AdvanceTo(T0.AddMinutes(1));

        Assert.Equal([T0, T0.AddSeconds(2)], source.SubscribedAt);
        Assert.Empty(recorder.Messages);
    }

    [Fact]
    public void RetryWithBackoff_RepeatedFailures_DoubleTheDelayUpToMaxDelay()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = new CountingSource(_ => Fail(), scheduler);

        var recorder = source.Stream.RetryWithBackoff(OneSecond, OneSecond * 5, scheduler: scheduler).Record(scheduler, out var subscription);
        scheduler.AdvanceTo(T0.AddSeconds(22));
        subscription.Dispose();

        // Delays 1, 2, 4, then capped at 5.
        Assert.Equal([0, 1, 3, 7, 12, 17, 22], source.SubscribedAt.Select(t => (t - T0).TotalSeconds));
        Assert.Empty(recorder.Messages);
    }

    [Fact]
    public void RetryWithBackoff_ValueAfterFailures_ResetsTheBackoff()
    {
        var scheduler = new HistoricalScheduler(T0);
        // Subscriptions 1-3 fail at once; the 4th recovers for a value, then fails; later ones fail at once.
        var source = new CountingSource(n => n == 4 ? Observable.Return(42).Concat(Fail()) : Fail(), scheduler);
        var attempts = new List<(int Attempt, TimeSpan Delay)>();

        var recorder = source.Stream
            .RetryWithBackoff(OneSecond, OneSecond * 60, (_, attempt, delay) => attempts.Add((attempt, delay)), scheduler)
            .Record(scheduler, out var subscription);
        scheduler.AdvanceTo(T0.AddSeconds(10));
        subscription.Dispose();

        Assert.Equal([0, 1, 3, 7, 8, 10], source.SubscribedAt.Select(t => (t - T0).TotalSeconds));
        Assert.Equal([1, 2, 3, 1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal([1, 2, 4, 1, 2, 4], attempts.Select(a => a.Delay.TotalSeconds));
        Assert.Equal([42], recorder.Values);
        Assert.Equal([T0.AddSeconds(7)], recorder.ValueTimes);
    }

    [Fact]
    public void RetryWithBackoff_OnRetry_ReceivesEachErrorWithAttemptAndDelay()
    {
        var scheduler = new HistoricalScheduler(T0);
        var errors = Enumerable.Range(1, 5).Select(n => new InvalidOperationException($"failure {n}")).ToArray();
        var source = new CountingSource(n => Observable.Throw<int>(errors[n - 1]), scheduler);
        var calls = new List<(Exception Error, int Attempt, TimeSpan Delay, DateTimeOffset At)>();

        source.Stream
            .RetryWithBackoff(OneSecond, OneSecond * 4, (e, attempt, delay) => calls.Add((e, attempt, delay, scheduler.Now)), scheduler)
            .Record(scheduler, out var subscription);
        scheduler.AdvanceTo(T0.AddSeconds(11));
        subscription.Dispose();

        Assert.Equal(5, calls.Count);
        Assert.All(calls.Zip(errors), pair => Assert.Same(pair.Second, pair.First.Error));
        Assert.Equal([1, 2, 3, 4, 5], calls.Select(c => c.Attempt));
        Assert.Equal([1, 2, 4, 4, 4], calls.Select(c => c.Delay.TotalSeconds));
        // Called when the error arrives, before the wait.
        Assert.Equal(source.SubscribedAt, calls.Select(c => c.At));
    }

    [Fact]
    public void RetryWithBackoff_OnRetryThrows_ForwardsItsExceptionAndStopsRetrying()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = new CountingSource(_ => Fail(), scheduler);
        var callbackError = new InvalidOperationException("logger is down");

        var recorder = source.Stream
            .RetryWithBackoff(OneSecond, OneSecond * 4, (_, _, _) => throw callbackError, scheduler)
            .Record(scheduler);
        scheduler.AdvanceTo(T0.AddMinutes(1));

        Assert.Same(callbackError, recorder.Error);
        Assert.Single(recorder.Messages);
        Assert.Equal([T0], source.SubscribedAt);
    }

    [Fact]
    public void RetryWithBackoff_DisposedDuringDelay_DoesNotResubscribe()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = new CountingSource(_ => Fail(), scheduler);
        var recorder = source.Stream.RetryWithBackoff(OneSecond * 2, OneSecond * 4, scheduler: scheduler).Record(scheduler, out var subscription);
        scheduler.AdvanceTo(T0.AddSeconds(1));

        subscription.Dispose();
        scheduler.AdvanceTo(T0.AddMinutes(1));

        Assert.Equal([T0], source.SubscribedAt);
        Assert.Empty(recorder.Messages);
    }

    [Fact]
    public void RetryWithBackoff_DisposedWhileSubscribed_UnsubscribesFromTheSource()
    {
        var scheduler = new HistoricalScheduler(T0);
        using var sensor = new Subject<int>();
        var source = new CountingSource(n => n == 1 ? Fail() : sensor, scheduler);
        var recorder = source.Stream.RetryWithBackoff(OneSecond, OneSecond * 4, scheduler: scheduler).Record(scheduler, out var subscription);
        scheduler.AdvanceTo(T0.AddSeconds(1));
        sensor.OnNext(1);
        Assert.True(sensor.HasObservers);

        subscription.Dispose();
        sensor.OnNext(2);

        Assert.False(sensor.HasObservers);
        Assert.Equal([1], recorder.Values);
    }

    [Fact]
    public void RetryWithBackoff_SourceCompletesAfterRetry_CompletesAndStopsRetrying()
    {
        var scheduler = new HistoricalScheduler(T0);
        var source = new CountingSource(n => n == 1 ? Observable.Return(1).Concat(Fail()) : Observable.Return(2), scheduler);

        var recorder = source.Stream.RetryWithBackoff(OneSecond, OneSecond * 4, scheduler: scheduler).Record(scheduler);
        scheduler.AdvanceTo(T0.AddMinutes(1));

        Assert.Equal([1, 2], recorder.Values);
        Assert.True(recorder.Completed);
        Assert.Null(recorder.Error);
        Assert.Equal(T0.AddSeconds(1), recorder.Messages[^1].Time);
        Assert.Equal([T0, T0.AddSeconds(1)], source.SubscribedAt);
    }

    private static IObservable<int> Fail() => Observable.Throw<int>(new InvalidOperationException("sensor unplugged"));

    /// <summary>A cold source that records when it is subscribed and builds the n-th subscription (from 1).</summary>
    private sealed class CountingSource
    {
        private readonly List<DateTimeOffset> _subscribedAt = [];

        public CountingSource(Func<int, IObservable<int>> attempt, IScheduler? clock = null)
        {
            Stream = Observable.Defer(() =>
            {
                _subscribedAt.Add(clock?.Now ?? default);
                return attempt(_subscribedAt.Count);
            });
        }

        public IObservable<int> Stream { get; }

        public IReadOnlyList<DateTimeOffset> SubscribedAt => _subscribedAt;
    }
}
