using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Reactive.Threading.Tasks;
using Sensact.Pipelines.Delivery;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Delivery;

public sealed class DeliverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deliver_NullSource_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("source", () => ((IObservable<int>)null!).Deliver(DeliveryPolicy.LatestOnly()));

    [Fact]
    public void Deliver_NullPolicy_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("policy", () => Observable.Never<int>().Deliver(null!));

    [Fact]
    public void Deliver_InvalidPolicy_ThrowsWhenCalledNotWhenSubscribed()
    {
        var policy = new DeliveryPolicy { Mode = DeliveryMode.DropOldest, Capacity = 0 };

        var error = Assert.Throws<ArgumentException>("policy", () => Observable.Never<int>().Deliver(policy));

        Assert.Contains("Capacity must be at least 1 (got 0).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deliver_EmptySource_CompletesOnScheduler()
    {
        var scheduler = new HistoricalScheduler(T0);
        var counter = new DropCounter("test");

        var recorder = Observable.Empty<int>().Deliver(DeliveryPolicy.DropOldest(4), counter, scheduler).Record(scheduler);
        Assert.Empty(recorder.Messages);
        scheduler.Start();

        Assert.True(recorder.Completed);
        Assert.Empty(recorder.Values);
        Assert.Equal((0, 0), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_ErrorSource_ForwardsErrorOnScheduler()
    {
        var scheduler = new HistoricalScheduler(T0);
        var boom = new InvalidOperationException("boom");

        var recorder = Observable.Throw<int>(boom).Deliver(DeliveryPolicy.LatestOnly(), scheduler: scheduler).Record(scheduler);
        Assert.Empty(recorder.Messages);
        scheduler.Start();

        Assert.Same(boom, recorder.Error);
        Assert.Empty(recorder.Values);
    }

    [Fact]
    public void Deliver_Disposed_DeliversNothingMoreAndUnsubscribesUpstream()
    {
        var scheduler = new HistoricalScheduler(T0);
        using var source = new Subject<int>();
        var counter = new DropCounter("test");
        var recorder = source.Deliver(DeliveryPolicy.DropOldest(8), counter, scheduler).Record(scheduler, out var subscription);
        source.OnNext(1);
        scheduler.Start();
        source.OnNext(2);
        source.OnNext(3);

        subscription.Dispose();
        scheduler.Start();

        Assert.Equal([1], recorder.Values);
        Assert.False(source.HasObservers);
        Assert.Equal((1, 0), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_ConsumerNotYetRun_ProducerReturnsWithoutDelivering()
    {
        var scheduler = new HistoricalScheduler(T0);
        using var source = new Subject<int>();
        var recorder = source.Deliver(DeliveryPolicy.DropOldest(4), scheduler: scheduler).Record(scheduler);

        source.OnNext(1);
        source.OnNext(2);

        Assert.Empty(recorder.Messages);
        scheduler.Start();
        Assert.Equal([1, 2], recorder.Values);
    }

    [Fact]
    public void Deliver_LatestOnlyBurst_DeliversOnlyNewest()
    {
        var (values, counter) = DeliverBurst(DeliveryPolicy.LatestOnly(), 1, 2, 3, 4, 5);

        Assert.Equal([5], values);
        Assert.Equal((1, 4), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_DropOldestBurst_DeliversNewestCapacityItems()
    {
        var (values, counter) = DeliverBurst(DeliveryPolicy.DropOldest(2), 1, 2, 3, 4, 5);

        Assert.Equal([4, 5], values);
        Assert.Equal((2, 3), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_DropNewestBurst_DeliversOldestCapacityItems()
    {
        var (values, counter) = DeliverBurst(DeliveryPolicy.DropNewest(2), 1, 2, 3, 4, 5);

        Assert.Equal([1, 2], values);
        Assert.Equal((2, 3), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_BurstWithinCapacity_DropsNothing()
    {
        var (values, counter) = DeliverBurst(DeliveryPolicy.DropNewest(8), 1, 2, 3);

        Assert.Equal([1, 2, 3], values);
        Assert.Equal((3, 0), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_ThrottleBurst_PassesFirstItemOnly()
    {
        var (values, counter) = DeliverBurst(DeliveryPolicy.Throttle(TimeSpan.FromSeconds(1)), 1, 2, 3);

        Assert.Equal([1], values);
        Assert.Equal((1, 2), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_Throttle_DropsUntilIntervalHasPassedOnSchedulerClock()
    {
        var scheduler = new HistoricalScheduler(T0);
        using var source = new Subject<int>();
        var counter = new DropCounter("test");
        var recorder = source.Deliver(DeliveryPolicy.Throttle(TimeSpan.FromSeconds(1)), counter, scheduler).Record(scheduler);

        source.OnNext(1);
        source.OnNext(2);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(999));
        source.OnNext(3);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        source.OnNext(4);
        source.OnNext(5);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1500));
        source.OnNext(6);
        scheduler.Start();

        Assert.Equal([1, 4, 6], recorder.Values);
        Assert.Equal([T0, T0.AddSeconds(1), T0.AddSeconds(2.5)], recorder.ValueTimes);
        Assert.Equal((3, 3), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_LatestOnlyItemsArrivingDuringDelivery_ItemBeingDeliveredIsNotPending()
    {
        var scheduler = new HistoricalScheduler(T0);
        using var source = new Subject<int>();
        var counter = new DropCounter("test");
        var received = new List<int>();
        using var subscription = source.Deliver(DeliveryPolicy.LatestOnly(), counter, scheduler).Subscribe(value =>
        {
            received.Add(value);
            if (value == 1)
            {
                // The producer runs while the consumer is still busy with 1: 2 waits, 3 replaces it.
                source.OnNext(2);
                source.OnNext(3);
            }
        });

        source.OnNext(1);
        scheduler.Start();

        Assert.Equal([1, 3], received);
        Assert.Equal((2, 1), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_CompletedWithPendingItems_DeliversPendingBeforeCompletion()
    {
        var scheduler = new HistoricalScheduler(T0);
        var recorder = Observable.Range(1, 3).Deliver(DeliveryPolicy.DropOldest(4), scheduler: scheduler).Record(scheduler);

        scheduler.Start();

        Assert.Equal([1, 2, 3], recorder.Values);
        Assert.True(recorder.Completed);
        Assert.Equal(System.Reactive.NotificationKind.OnCompleted, recorder.Messages[^1].Notification.Kind);
    }

    [Fact]
    public void Deliver_FailedWithPendingItems_DeliversPendingBeforeError()
    {
        var scheduler = new HistoricalScheduler(T0);
        var boom = new InvalidOperationException("boom");
        var counter = new DropCounter("test");
        var recorder = Observable.Range(1, 3).Concat(Observable.Throw<int>(boom))
            .Deliver(DeliveryPolicy.DropOldest(2), counter, scheduler).Record(scheduler);

        scheduler.Start();

        Assert.Equal([2, 3], recorder.Values);
        Assert.Same(boom, recorder.Error);
        Assert.Equal(System.Reactive.NotificationKind.OnError, recorder.Messages[^1].Notification.Kind);
        Assert.Equal((2, 1), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_PolicyChangedAfterCall_KeepsValuesFromCall()
    {
        var policy = DeliveryPolicy.DropNewest(1);
        var scheduler = new HistoricalScheduler(T0);
        var stream = Observable.Range(1, 3).Deliver(policy, scheduler: scheduler);
        policy.Capacity = 10;

        var recorder = stream.Record(scheduler);
        scheduler.Start();

        Assert.Equal([1], recorder.Values);
    }

    [Fact]
    public void Deliver_EachSubscription_HasItsOwnBuffer()
    {
        var scheduler = new HistoricalScheduler(T0);
        var stream = Observable.Range(1, 3).Deliver(DeliveryPolicy.LatestOnly(), scheduler: scheduler);

        var first = stream.Record(scheduler);
        var second = stream.Record(scheduler);
        scheduler.Start();

        Assert.Equal([3], first.Values);
        Assert.Equal([3], second.Values);
    }

    [Fact]
    public async Task Deliver_DefaultSchedulerWithFastProducer_CountsEveryItemOnceInOrder()
    {
        var counter = new DropCounter("test");

        var values = await Observable.Range(0, 100_000).Deliver(DeliveryPolicy.DropOldest(16), counter)
            .ToArray().ToTask(TestContext.Current.CancellationToken);

        Assert.Equal(100_000, counter.Delivered + counter.Dropped);
        Assert.Equal(values.Length, counter.Delivered);
        Assert.Equal(99_999, values[^1]);
        Assert.Equal(values.Order(), values);
    }

    private static (IReadOnlyList<int> Values, DropCounter Counter) DeliverBurst(DeliveryPolicy policy, params int[] burst)
    {
        var scheduler = new HistoricalScheduler(T0);
        using var source = new Subject<int>();
        var counter = new DropCounter("test");
        var recorder = source.Deliver(policy, counter, scheduler).Record(scheduler);
        foreach (var item in burst)
        {
            source.OnNext(item);
        }

        source.OnCompleted();
        Assert.Empty(recorder.Messages);
        scheduler.Start();
        Assert.True(recorder.Completed);
        return (recorder.Values, counter);
    }
}
