using MQTTnet;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class OutboxTests
{
    private static MqttApplicationMessage Message(int n) => new MqttApplicationMessageBuilder().WithTopic($"t/{n}").Build();

    [Fact]
    public void Constructor_CapacityBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Outbox(0));

    [Fact]
    public void Enqueue_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new Outbox(1).Enqueue(null!));

    [Fact]
    public void Enqueue_BeyondCapacity_DropsOldestAndCounts()
    {
        var outbox = new Outbox(2);

        outbox.Enqueue(Message(1));
        outbox.Enqueue(Message(2));
        outbox.Enqueue(Message(3));

        Assert.Equal(2, outbox.Count);
        Assert.Equal(1, outbox.Dropped);
        Assert.Equal(3, outbox.Enqueued);
        Assert.True(outbox.TryPeek(out var head));
        Assert.Equal("t/2", head.Topic);
    }

    [Fact]
    public void Remove_AfterHeadWasDropped_LeavesTheNewHead()
    {
        var outbox = new Outbox(1);
        outbox.Enqueue(Message(1));
        outbox.TryPeek(out var sending);

        outbox.Enqueue(Message(2));
        outbox.Remove(sending);

        Assert.True(outbox.TryPeek(out var head));
        Assert.Equal("t/2", head.Topic);
    }

    [Fact]
    public async Task WaitAsync_Empty_CompletesOnEnqueue()
    {
        var outbox = new Outbox(4);
        var waiting = outbox.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        outbox.Enqueue(Message(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = new Outbox(4).WaitAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
