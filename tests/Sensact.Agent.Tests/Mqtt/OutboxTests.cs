using MQTTnet;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

/// <summary>The outbox in memory: bound, order, control messages first, acknowledgement and rewind.</summary>
public sealed class OutboxTests
{
    private static readonly int Size = OutboxRecord.Create(1, Message(1)).Size;

    internal static MqttApplicationMessage Message(int n) => new MqttApplicationMessageBuilder().WithTopic($"t/{n}").Build();

    [Fact]
    public void Constructor_MaxBytesBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Outbox(0));

    [Fact]
    public void Enqueue_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new Outbox(1024).Enqueue(null!));

    [Fact]
    public void EnqueueControl_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new Outbox(1024).EnqueueControl(null!));

    [Fact]
    public void Enqueue_BeyondMaxBytes_DropsOldestAndCounts()
    {
        var outbox = new Outbox(2 * Size);

        outbox.Enqueue(Message(1));
        outbox.Enqueue(Message(2));
        outbox.Enqueue(Message(3));

        Assert.Equal(2, outbox.Count);
        Assert.Equal(1, outbox.Dropped);
        Assert.Equal(3, outbox.Enqueued);
        Assert.Equal(2 * Size, outbox.Bytes);
        Assert.True(outbox.TryPeek(out var head));
        Assert.Equal("t/2", head.Topic);
        Assert.False(outbox.IsDurable);
    }

    [Fact]
    public void TryTakeEvent_InOrder_AcknowledgeRemovesUpToTheId()
    {
        var outbox = new Outbox(1024);
        for (var i = 1; i <= 3; i++)
        {
            outbox.Enqueue(Message(i));
        }

        Assert.True(outbox.TryTakeEvent(out var first));
        Assert.True(outbox.TryTakeEvent(out var second));
        Assert.Equal("t/1", first.ToMessage().Topic);
        Assert.Equal("t/2", second.ToMessage().Topic);
        Assert.Equal(3, outbox.Count); // handed out, not yet acknowledged

        outbox.Acknowledge(second.Id);

        Assert.Equal(1, outbox.Count);
        Assert.Equal(Size, outbox.Bytes);
    }

    [Fact]
    public void Rewind_PutsUnacknowledgedEventsBackInOrder()
    {
        var outbox = new Outbox(1024);
        for (var i = 1; i <= 3; i++)
        {
            outbox.Enqueue(Message(i));
        }

        outbox.TryTakeEvent(out var first);
        outbox.TryTakeEvent(out _);
        outbox.Acknowledge(first.Id);

        outbox.Rewind();

        Assert.True(outbox.TryTakeEvent(out var again));
        Assert.Equal("t/2", again.ToMessage().Topic);
        Assert.True(outbox.TryTakeEvent(out var next));
        Assert.Equal("t/3", next.ToMessage().Topic);
    }

    [Fact]
    public void Enqueue_FullWhileEventsAreInFlight_DropsTheInFlightOldestAndItsLateAckIsHarmless()
    {
        var outbox = new Outbox(2 * Size);
        outbox.Enqueue(Message(1));
        outbox.Enqueue(Message(2));
        outbox.TryTakeEvent(out var sending);

        outbox.Enqueue(Message(3));
        outbox.Acknowledge(sending.Id);

        Assert.Equal(1, outbox.Dropped);
        Assert.Equal(2, outbox.Count);
        Assert.True(outbox.TryTakeEvent(out var next));
        Assert.Equal("t/2", next.ToMessage().Topic);
    }

    [Fact]
    public void EnqueueControl_BehindManyEvents_ComesFirst()
    {
        var outbox = new Outbox(1 << 20);
        for (var i = 0; i < 1000; i++)
        {
            outbox.Enqueue(Message(i));
        }

        outbox.EnqueueControl(new MqttApplicationMessageBuilder().WithTopic("reply/me").Build());

        Assert.True(outbox.TryPeek(out var next));
        Assert.Equal("reply/me", next.Topic);
        Assert.True(outbox.TryPeekControl(out var control));
        outbox.RemoveControl(control);
        Assert.False(outbox.TryPeekControl(out _));
        Assert.Equal(1000, outbox.Count);
    }

    [Fact]
    public async Task WaitAsync_Empty_CompletesOnEnqueue()
    {
        var outbox = new Outbox(1024);
        var waiting = outbox.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        outbox.Enqueue(Message(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitAsync_OnlyInFlightEvents_Waits()
    {
        var outbox = new Outbox(1024);
        outbox.Enqueue(Message(1));
        outbox.TryTakeEvent(out _);

        var waiting = outbox.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        outbox.EnqueueControl(Message(2));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = new Outbox(1024).WaitAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
