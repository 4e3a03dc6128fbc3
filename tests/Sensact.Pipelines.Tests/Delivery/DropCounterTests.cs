using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Pipelines.Delivery;

namespace Sensact.Pipelines.Tests.Delivery;

public sealed class DropCounterTests
{
    [Fact]
    public void Constructor_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("name", () => new DropCounter(null!));

    [Fact]
    public void Constructor_Name_StartsAtZero()
    {
        var counter = new DropCounter("imu");

        Assert.Equal("imu", counter.Name);
        Assert.Equal((0, 0), (counter.Delivered, counter.Dropped));
        Assert.Equal("imu: delivered 0, dropped 0", counter.ToString());
    }

    [Fact]
    public void ToString_AfterDelivery_ShowsCounts()
    {
        var scheduler = new HistoricalScheduler();
        var counter = new DropCounter("imu");
        using var subscription = Observable.Range(1, 5).Deliver(DeliveryPolicy.DropOldest(3), counter, scheduler).Subscribe();

        scheduler.Start();

        Assert.Equal("imu: delivered 3, dropped 2", counter.ToString());
    }
}
