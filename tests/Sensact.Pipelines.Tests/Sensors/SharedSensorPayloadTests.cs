using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Sensors;

/// <summary>Pooled payloads on the shared-sensor path: every reference is released exactly once.</summary>
public sealed class SharedSensorPayloadTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Frames_TwoConsumersOneDropping_EveryBufferGoesBackToThePool()
    {
        var clock = new HistoricalScheduler(T0);
        var stalled = new HistoricalScheduler(T0);
        var pool = new BufferPool<float>();
        var sensor = new SharedSensor<AudioChunk>(new PeriodSource(clock, pool), scheduler: clock);
        var reader = sensor.Consume("reader", DeliveryPolicy.DropOldest(4), ImmediateScheduler.Instance);
        var slow = sensor.Consume("slow", DeliveryPolicy.DropOldest(2), stalled);
        var read = 0;
        using var readerSubscription = reader.Frames.Subscribe(frame =>
        {
            read += frame.Payload.Samples.Span.Length > 0 ? 1 : 0;
            frame.Payload.Release();
        });
        var slowSubscription = slow.Frames.Subscribe(frame => frame.Payload.Release());

        clock.AdvanceBy(TimeSpan.FromMilliseconds(32 * 100));
        slowSubscription.Dispose();
        readerSubscription.Dispose();

        Assert.Equal(100, read);
        Assert.Equal(98, slow.Counter.Dropped);
        Assert.Equal(pool.Rented, pool.Returned);
        Assert.True(pool.Created <= 4, $"{pool.Created} arrays for 100 periods");
    }

    [Fact]
    public void SlidingWindows_PooledPayloads_ReleasesFramesAsTheyLeaveTheWindow()
    {
        var clock = new HistoricalScheduler(T0);
        var pool = new BufferPool<float>();
        var sensor = new SharedSensor<AudioChunk>(new PeriodSource(clock, pool), scheduler: clock);
        var sums = new List<int>();
        var subscription = sensor.Consume("windows", DeliveryPolicy.DropOldest(8), ImmediateScheduler.Instance).Frames
            .SlidingWindows(4, 2)
            .Subscribe(window => sums.Add(window.Count));

        clock.AdvanceBy(TimeSpan.FromMilliseconds(32 * 20));
        var heldWhileRunning = pool.Rented - pool.Returned;
        subscription.Dispose();

        Assert.Equal(9, sums.Count);
        Assert.Equal(4, heldWhileRunning);
        Assert.Equal(pool.Rented, pool.Returned);
    }

    /// <summary>A 512-sample period every 32 ms of virtual time, in pooled buffers.</summary>
    private sealed class PeriodSource(IScheduler clock, BufferPool<float> pool) : ISensorSource<AudioChunk>
    {
        public string Id => "mic";

        public IObservable<Frame<AudioChunk>> Frames =>
            Observable.Interval(TimeSpan.FromMilliseconds(32), clock).Select(i =>
            {
                var samples = pool.Rent(512);
                samples.Span.Fill(i);
                return new Frame<AudioChunk>(new AudioChunk(samples, 16_000), clock.Now, Id, i);
            });
    }
}
