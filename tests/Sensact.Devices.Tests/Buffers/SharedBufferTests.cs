using Sensact.Devices.Buffers;

namespace Sensact.Devices.Tests.Buffers;

public sealed class SharedBufferTests
{
    private readonly BufferPool<byte> _pool = new();

    [Fact]
    public void Release_Twice_Throws()
    {
        var buffer = _pool.Rent(100);
        buffer.Release();

        Assert.Throws<ObjectDisposedException>(buffer.Release);
        Assert.Equal(1L, _pool.Returned);
    }

    [Fact]
    public void Release_CopyOfReleasedHandle_Throws()
    {
        var buffer = _pool.Rent(100);
        var copy = buffer;
        buffer.Release();

        Assert.Throws<ObjectDisposedException>(copy.Release);
    }

    [Fact]
    public void Use_AfterRelease_Throws()
    {
        var buffer = _pool.Rent(100);
        buffer.Release();

        Assert.Throws<ObjectDisposedException>(() => buffer.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => buffer.Memory.Length);
        Assert.Throws<ObjectDisposedException>(() => buffer.AddRef());
    }

    [Fact]
    public void Use_StaleHandleAfterBufferWasRentedAgain_ThrowsAndLeavesNewRentalIntact()
    {
        var stale = _pool.Rent(100);
        stale.Release();
        var current = _pool.Rent(100);
        current.Span.Fill(7);

        Assert.Equal(1L, _pool.Created); // the same array and bookkeeping, recycled
        Assert.Throws<ObjectDisposedException>(() => stale.Span.Length);
        Assert.Throws<ObjectDisposedException>(stale.Release);
        Assert.Throws<ObjectDisposedException>(() => stale.AddRef());
        Assert.Equal(1, current.ReferenceCount);
        Assert.False(current.Span.ContainsAnyExcept((byte)7));
        current.Release();
        Assert.Equal(2L, _pool.Returned);
    }

    [Fact]
    public void AddRef_TwoHolders_BufferReturnedAfterBothRelease()
    {
        var source = _pool.Rent(100);
        var second = source.AddRef();

        source.Release();
        Assert.Equal((0L, 1), (_pool.Returned, second.ReferenceCount));
        second.Span[0] = 1;
        second.Release();

        Assert.Equal(1L, _pool.Returned);
        Assert.NotEqual(source, second);
    }

    [Fact]
    public void Release_OneReferenceTwiceWhileAnotherIsLive_ThrowsAndKeepsBufferForTheOther()
    {
        var first = _pool.Rent(100);
        var second = first.AddRef();
        first.Release();

        Assert.Throws<ObjectDisposedException>(first.Release);
        Assert.Throws<ObjectDisposedException>(() => first.Span.Length);

        Assert.Equal((0L, 1), (_pool.Returned, second.ReferenceCount));
        Assert.Equal(100, second.Span.Length);
        second.Release();
        Assert.Equal(1L, _pool.Returned);
    }

    [Fact]
    public void AddRef_AfterAnotherReferenceWasReleased_KeepsReleasedReferenceDetectable()
    {
        var source = _pool.Rent(100);
        var released = source.AddRef();
        released.Release();

        var added = source.AddRef();

        Assert.Throws<ObjectDisposedException>(released.Release);
        Assert.Equal(2, added.ReferenceCount);
        added.Release();
        source.Release();
        Assert.Equal(1L, _pool.Returned);
    }

    [Fact]
    public void AddRef_MoreThanMaxReferences_Throws()
    {
        var source = _pool.Rent(100);
        var added = Enumerable.Range(1, 31).Select(_ => source.AddRef()).ToList();

        Assert.Throws<InvalidOperationException>(() => source.AddRef());

        added.ForEach(a => a.Release());
        source.Release();
        Assert.Equal(1L, _pool.Returned);
    }

    [Fact]
    public void Use_Default_Throws()
    {
        var none = default(SharedBuffer<byte>);

        Assert.Throws<ObjectDisposedException>(() => none.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => none.Memory.Length);
        Assert.Throws<ObjectDisposedException>(() => none.AddRef());
        Assert.Throws<ObjectDisposedException>(none.Release);
    }

    [Fact]
    public void LengthAndToString_AfterRelease_DescribeTheReference()
    {
        var buffer = _pool.Rent(100);
        Assert.Equal("SharedBuffer<Byte>[100]", buffer.ToString());

        buffer.Release();

        Assert.Equal((100, "SharedBuffer<Byte>[100] (released)"), (buffer.Length, buffer.ToString()));
    }

    [Fact]
    public async Task AddRefRelease_TwoThreadsOnOneBuffer_CountStaysExact()
    {
        var source = _pool.Rent(100);
        var token = TestContext.Current.CancellationToken;

        void Share()
        {
            for (var i = 0; i < 50_000; i++)
            {
                source.AddRef().Release();
            }
        }

        await Task.WhenAll(Task.Run(Share, token), Task.Run(Share, token));

        Assert.Equal((1, 0L), (source.ReferenceCount, _pool.Returned));
        source.Release();
        Assert.Equal(1L, _pool.Returned);
    }

    [Fact]
    public void Release_AsSharedPayload_ReturnsBuffer()
    {
        var buffer = _pool.Rent(100);

        Drop(Keep(buffer));
        Drop(buffer);

        Assert.Equal(1L, _pool.Returned);
    }

    private static T Keep<T>(T payload)
        where T : ISharedPayload<T> => payload.AddRef();

    private static void Drop<T>(T payload)
        where T : ISharedPayload => payload.Release();
}
