using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Sensact.Pipelines.Delivery;

namespace Sensact.Pipelines.Tests.Delivery;

/// <summary>Deliver on the immediate scheduler (inline delivery) and the release of dropped items.</summary>
public sealed class DeliverInlineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deliver_Inline_HandsEachItemOnDuringTheProducersCall()
    {
        var source = new Subject<int>();
        var counter = new DropCounter("inline");
        var received = new List<int>();
        using var subscription = source.Deliver(DeliveryPolicy.DropOldest(2), counter, ImmediateScheduler.Instance).Subscribe(received.Add);

        source.OnNext(1);
        var afterFirst = received.Count;
        source.OnNext(2);

        Assert.Equal(1, afterFirst);
        Assert.Equal([1, 2], received);
        Assert.Equal((2L, 0L), (counter.Delivered, counter.Dropped));
    }

    [Fact]
    public void Deliver_InlineConsumerReenters_ItemsArriveInOrderAndNeverNested()
    {
        var source = new Subject<int>();
        var received = new List<int>();
        var depth = 0;
        var deepest = 0;
        using var subscription = source.Deliver(DeliveryPolicy.DropOldest(8), scheduler: ImmediateScheduler.Instance).Subscribe(i =>
        {
            deepest = Math.Max(deepest, ++depth);
            received.Add(i);
            if (i < 3)
            {
                source.OnNext(i + 10); // the consumer makes the producer emit again
            }

            depth--;
        });

        source.OnNext(1);
        source.OnNext(2);

        Assert.Equal([1, 11, 2, 12], received);
        Assert.Equal(1, deepest);
    }

    [Fact]
    public void Deliver_InlineCompletionOrError_FollowsTheItems()
    {
        var completed = new List<string>();
        using (Observable.Range(1, 3).Deliver(DeliveryPolicy.LatestOnly(), scheduler: ImmediateScheduler.Instance)
            .Subscribe(i => completed.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), () => completed.Add("done")))
        {
        }

        Exception? error = null;
        using (Observable.Return(1).Concat(Observable.Throw<int>(new IOException("boom"))).Deliver(DeliveryPolicy.LatestOnly(), scheduler: ImmediateScheduler.Instance)
            .Subscribe(_ => { }, e => error = e))
        {
        }

        Assert.Equal(["1", "2", "3", "done"], completed);
        Assert.IsType<IOException>(error);
    }

    [Fact]
    public void Deliver_InlineAfterDisposal_DropsIntoOnDropped()
    {
        var source = new Subject<int>();
        var received = new List<int>();
        var dropped = new List<int>();
        var subscription = source.Deliver(DeliveryPolicy.LatestOnly(), scheduler: ImmediateScheduler.Instance, onDropped: dropped.Add).Subscribe(received.Add);

        source.OnNext(1);
        subscription.Dispose();
        source.OnNext(2);

        Assert.Equal([1], received);
        Assert.Empty(dropped); // disposing unsubscribed from the source: nothing more arrives
        Assert.False(source.HasObservers);
    }

    [Theory]
    [InlineData(DeliveryMode.DropNewest, new[] { 3, 4 })]
    [InlineData(DeliveryMode.DropOldest, new[] { 1, 2 })]
    public void Deliver_PolicyDropsAndDisposalDiscards_EveryItemNotDeliveredGoesToOnDropped(DeliveryMode mode, int[] droppedByPolicy)
    {
        var stalled = new HistoricalScheduler(T0); // never advanced: the consumer never runs
        var source = new Subject<int>();
        var dropped = new List<int>();
        var policy = new DeliveryPolicy { Mode = mode, Capacity = 2 };
        var subscription = source.Deliver(policy, scheduler: stalled, onDropped: dropped.Add).Subscribe(_ => { });

        foreach (var i in new[] { 1, 2, 3, 4 })
        {
            source.OnNext(i);
        }

        var byPolicy = dropped.ToList();
        subscription.Dispose();

        Assert.Equal(droppedByPolicy, byPolicy);
        Assert.Equal([1, 2, 3, 4], dropped.Order());
    }
}
