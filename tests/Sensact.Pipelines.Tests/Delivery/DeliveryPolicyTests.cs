using Sensact.Pipelines.Delivery;

namespace Sensact.Pipelines.Tests.Delivery;

public sealed class DeliveryPolicyTests
{
    [Fact]
    public void Constructor_Defaults_LatestOnlyAndValid()
    {
        var policy = new DeliveryPolicy();

        Assert.Equal(DeliveryMode.LatestOnly, policy.Mode);
        Assert.Equal(1, policy.Capacity);
        Assert.Empty(policy.Validate());
    }

    [Fact]
    public void Factories_SetModeAndValues()
    {
        Assert.Equal(DeliveryMode.LatestOnly, DeliveryPolicy.LatestOnly().Mode);
        Assert.Equal((DeliveryMode.DropOldest, 64), (DeliveryPolicy.DropOldest(64).Mode, DeliveryPolicy.DropOldest(64).Capacity));
        Assert.Equal((DeliveryMode.DropNewest, 8), (DeliveryPolicy.DropNewest(8).Mode, DeliveryPolicy.DropNewest(8).Capacity));
        var throttle = DeliveryPolicy.Throttle(TimeSpan.FromMilliseconds(250));
        Assert.Equal((DeliveryMode.Throttle, TimeSpan.FromMilliseconds(250)), (throttle.Mode, throttle.Interval));
    }

    [Fact]
    public void Factories_BadArguments_ThrowArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => DeliveryPolicy.DropOldest(0));
        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => DeliveryPolicy.DropNewest(-1));
        Assert.Throws<ArgumentOutOfRangeException>("interval", () => DeliveryPolicy.Throttle(TimeSpan.Zero));
    }

    [Fact]
    public void Validate_QueueWithoutCapacity_NamesCapacity()
    {
        var policy = new DeliveryPolicy { Mode = DeliveryMode.DropNewest, Capacity = 0 };

        Assert.Equal(["Capacity must be at least 1 (got 0)."], policy.Validate());
    }

    [Fact]
    public void Validate_ThrottleWithoutInterval_NamesInterval()
    {
        var policy = new DeliveryPolicy { Mode = DeliveryMode.Throttle, Interval = TimeSpan.FromSeconds(-1) };

        Assert.Equal(["Interval must be greater than 0 (got -00:00:01)."], policy.Validate());
    }

    [Fact]
    public void Validate_UnknownMode_NamesMode()
    {
        var policy = new DeliveryPolicy { Mode = (DeliveryMode)42 };

        var message = Assert.Single(policy.Validate());
        Assert.StartsWith("Mode must be one of LatestOnly, DropOldest, DropNewest, Throttle", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CapacityIgnoredByLatestOnly_Valid() =>
        Assert.Empty(new DeliveryPolicy { Mode = DeliveryMode.LatestOnly, Capacity = 0 }.Validate());

    [Fact]
    public void ToString_EachMode_NamesPolicy()
    {
        Assert.Equal("latest-only", DeliveryPolicy.LatestOnly().ToString());
        Assert.Equal("drop-oldest(64)", DeliveryPolicy.DropOldest(64).ToString());
        Assert.Equal("drop-newest(8)", DeliveryPolicy.DropNewest(8).ToString());
        Assert.Equal("throttle(250ms)", DeliveryPolicy.Throttle(TimeSpan.FromMilliseconds(250)).ToString());
    }
}
