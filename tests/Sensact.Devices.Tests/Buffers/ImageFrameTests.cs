using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;

namespace Sensact.Devices.Tests.Buffers;

/// <summary>ImageFrame as a shared payload (kept here with the buffer tests it depends on).</summary>
public sealed class ImageFrameTests
{
    private readonly BufferPool<byte> _pool = new();

    [Theory]
    [InlineData(0, 480, ImagePixelFormat.Gray8, 640, "width")]
    [InlineData(640, 0, ImagePixelFormat.Gray8, 640, "height")]
    [InlineData(640, 480, ImagePixelFormat.Rgb24, 1919, "stride")]
    [InlineData(640, 480, (ImagePixelFormat)7, 1920, "format")]
    public void Constructor_BadGeometry_Throws(int width, int height, ImagePixelFormat format, int stride, string parameter)
    {
        var pixels = _pool.Rent(640 * 480 * 3);

        Assert.Throws<ArgumentOutOfRangeException>(parameter, () => new ImageFrame(width, height, format, stride, pixels));
        pixels.Release();
    }

    [Fact]
    public void Constructor_YuyvOddWidth_Throws()
    {
        var pixels = _pool.Rent(3 * 2 * 2);

        Assert.Throws<ArgumentOutOfRangeException>("width", () => new ImageFrame(3, 2, ImagePixelFormat.Yuyv, 6, pixels));
        pixels.Release();
    }

    [Fact]
    public void Constructor_Yuyv_TwoBytesPerPixel()
    {
        var frame = new ImageFrame(4, 2, ImagePixelFormat.Yuyv, 8, _pool.Rent(16));

        Assert.Equal(2, frame.BytesPerPixel);
        frame.Release();
    }

    [Fact]
    public void Constructor_BufferShorterThanImage_Throws()
    {
        var pixels = _pool.Rent((640 * 480) - 1);

        Assert.Throws<ArgumentException>("pixels", () => new ImageFrame(640, 480, ImagePixelFormat.Gray8, 640, pixels));
        pixels.Release();
    }

    [Fact]
    public void Constructor_PaddedRowsLastUnpadded_Accepted()
    {
        // 3 rows of 10 RGB pixels (30 bytes) with a 32-byte stride: 32 + 32 + 30.
        var frame = new ImageFrame(10, 3, ImagePixelFormat.Rgb24, 32, _pool.Rent(94));

        Assert.Equal((3, 32, 94), (frame.BytesPerPixel, frame.Stride, frame.Pixels.Length));
        frame.Release();
    }

    [Fact]
    public void AddRef_FrameForTwoConsumers_PixelsReturnedAfterBothRelease()
    {
        var frame = new ImageFrame(640, 480, ImagePixelFormat.Gray8, 640, _pool.Rent(640 * 480));

        var second = frame.AddRef();
        frame.Release();
        Assert.Equal((0L, 640, 480), (_pool.Returned, second.Width, second.Pixels.Span.Length / second.Stride));
        second.Release();

        Assert.Equal(1L, _pool.Returned);
        Assert.Throws<ObjectDisposedException>(() => second.Pixels.Span.Length);
    }
}
