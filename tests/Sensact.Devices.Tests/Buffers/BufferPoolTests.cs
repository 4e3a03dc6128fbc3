using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Sensact.Devices.Buffers;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Buffers;

public sealed class BufferPoolTests
{
    private const int PeriodLength = 960; // 20 ms of 48 kHz mono audio

    [Fact]
    public void Constructor_NegativeBound_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("maxFreePerSize", () => new BufferPool<float>(-1));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Rent_LengthOutOfRange_Throws(int requested) =>
        Assert.Throws<ArgumentOutOfRangeException>("length", () => new BufferPool<byte>().Rent(requested));

    [Fact]
    public void Rent_NewPool_GivesExactLengthAndOneReference()
    {
        var pool = new BufferPool<float>();

        var buffer = pool.Rent(PeriodLength);

        Assert.Equal((PeriodLength, PeriodLength, PeriodLength, 1), (buffer.Length, buffer.Memory.Length, buffer.Span.Length, buffer.ReferenceCount));
        Assert.Equal((1L, 1L, 0L, 0L), (pool.Rented, pool.Created, pool.Returned, pool.Discarded));
    }

    [Fact]
    public void Rent_AfterRelease_ReusesArray()
    {
        var pool = new BufferPool<float>();
        var first = pool.Rent(PeriodLength);
        var array = ArrayOf(first);
        first.Release();

        var second = pool.Rent(PeriodLength);

        Assert.Same(array, ArrayOf(second));
        Assert.Equal((2L, 1L, 1L), (pool.Rented, pool.Created, pool.Returned));
    }

    [Fact]
    public void Rent_LengthsOfOneSizeClass_ShareArrays()
    {
        var pool = new BufferPool<float>();
        pool.Rent(900).Release();
        pool.Rent(1024).Release();

        pool.Rent(1025).Release();

        Assert.Equal(2L, pool.Created);
    }

    [Fact]
    public void Release_MoreThanBoundOfOneSize_LetsExtraGoAndCountsIt()
    {
        var pool = new BufferPool<byte>(maxFreePerSize: 2);
        var buffers = Enumerable.Range(0, 5).Select(_ => pool.Rent(100)).ToList();

        buffers.ForEach(b => b.Release());

        Assert.Equal((5L, 5L, 3L), (pool.Created, pool.Returned, pool.Discarded));
        var again = Enumerable.Range(0, 3).Select(_ => pool.Rent(100)).ToList();
        Assert.Equal(6L, pool.Created);
        again.ForEach(b => b.Release());
    }

    [Fact]
    public void Release_BoundZero_KeepsNothing()
    {
        var pool = new BufferPool<byte>(maxFreePerSize: 0);
        pool.Rent(10).Release();

        pool.Rent(10).Release();

        Assert.Equal((2L, 2L, 2L), (pool.Created, pool.Returned, pool.Discarded));
    }

    [Fact]
    public void Release_ReferenceElements_ClearedBeforeReuse()
    {
        var pool = new BufferPool<string>();
        var buffer = pool.Rent(3);
        buffer.Span.Fill("kept alive?");
        buffer.Release();

        var again = pool.Rent(3);

        Assert.All(again.Span.ToArray(), Assert.Null);
    }

    [Fact]
    public void Rent_SteadyStreamWithTwoConsumers_CreatesOnlyBuffersInFlight()
    {
        var pool = new BufferPool<float>();
        var kept = default(SharedBuffer<float>);

        var checksum = Stream(pool, 10_000, ref kept);
        kept.Release();

        // In flight at once: the period the recorder keeps and the one just rented.
        Assert.Equal(2L, pool.Created);
        Assert.Equal((10_000L, 10_000L, 0L), (pool.Rented, pool.Returned, pool.Discarded));
        Assert.Equal(10_000d * 9_999 / 2 * PeriodLength * 2, checksum);
    }

    [Fact]
    public void Rent_SteadyStreamAfterWarmUp_AllocatesNothing()
    {
        var pool = new BufferPool<float>();
        var kept = default(SharedBuffer<float>);
        Stream(pool, 1_000, ref kept);

        var allocated = Allocations.SteadyState(() => Stream(pool, 10_000, ref kept));

        kept.Release();
        Assert.Equal(0L, allocated);
        Assert.Equal(2L, pool.Created);
    }

    [Fact]
    public async Task RentRelease_TwoThreads_KeepsCountsConsistent()
    {
        const int Periods = 20_000;
        var pool = new BufferPool<int>(maxFreePerSize: 4);
        var handoff = new ConcurrentQueue<SharedBuffer<int>>();
        var token = TestContext.Current.CancellationToken;

        // The producer stamps each period, keeps one reference and hands another to the consumer;
        // both check the stamp, so a buffer recycled while still held would show as a wrong value.
        var producer = Task.Run(
            () =>
            {
                var corrupt = 0;
                for (var i = 0; i < Periods; i++)
                {
                    var buffer = pool.Rent(65 + (i % 3)); // 65 to 67 share the 80-element class
                    buffer.Span.Fill(i);
                    handoff.Enqueue(buffer.AddRef());
                    corrupt += buffer.Span.ContainsAnyExcept(i) ? 1 : 0;
                    buffer.Release();
                }

                return corrupt;
            },
            token);
        var consumer = Task.Run(
            () =>
            {
                var (received, corrupt, last) = (0, 0, -1);
                while (received < Periods)
                {
                    token.ThrowIfCancellationRequested();
                    if (handoff.TryDequeue(out var buffer))
                    {
                        var stamp = buffer.Span[0];
                        corrupt += stamp <= last || buffer.Span.ContainsAnyExcept(stamp) ? 1 : 0;
                        last = stamp;
                        buffer.Release();
                        received++;
                    }
                }

                return corrupt;
            },
            token);

        var corrupted = await Task.WhenAll(producer, consumer);

        Assert.Equal([0, 0], corrupted);
        Assert.Equal((Periods, (long)Periods), (pool.Rented, pool.Returned));
        var free = pool.Created - pool.Discarded;
        Assert.InRange(free, 1L, pool.MaxFreePerSize);
        var reused = Enumerable.Range(0, (int)free).Select(_ => pool.Rent(65)).ToList();
        Assert.Equal(free + pool.Discarded, pool.Created);
        reused.ForEach(b => b.Release());
    }

    /// <summary>
    /// A source rents each period and hands it to a stream with two consumers: a meter that reads it
    /// within its OnNext and releases it, and a recorder that keeps the latest period (AddRef) until
    /// the next one arrives. Returns the sum of everything both consumers read.
    /// </summary>
    private static double Stream(BufferPool<float> pool, int periods, ref SharedBuffer<float> recorderKeeps)
    {
        var checksum = 0d;
        for (var i = 0; i < periods; i++)
        {
            var period = pool.Rent(PeriodLength);
            period.Span.Fill(i);

            var forRecorder = period.AddRef();
            checksum += Sum(period.Span);
            period.Release();

            if (recorderKeeps.Length > 0)
            {
                recorderKeeps.Release();
            }

            recorderKeeps = forRecorder;
            checksum += Sum(recorderKeeps.Span);
        }

        return checksum;
    }

    private static double Sum(Span<float> samples)
    {
        var sum = 0d;
        foreach (var sample in samples)
        {
            sum += sample;
        }

        return sum;
    }

    private static T[] ArrayOf<T>(SharedBuffer<T> buffer) =>
        MemoryMarshal.TryGetArray<T>(buffer.Memory, out var segment) ? segment.Array! : throw new InvalidOperationException("Not array-backed.");
}
