using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Mjpeg;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Camera;

public sealed class MjpegSplitterTests
{
    private static readonly byte[][] Images =
    [
        TestImages.SolidJpeg(16, 8, 255, 0, 0),
        WithThumbnail(TestImages.SolidJpeg(24, 16, 0, 255, 0)),
        TestImages.SolidJpeg(8, 8, 0, 0, 255),
    ];

    [Fact]
    public void TryReadFrame_BigChunk_FindsEveryImageWhole()
    {
        var splitter = new MjpegSplitter();

        splitter.Write(Stream());

        Assert.Equal(Images, ReadAll(splitter));
    }

    [Fact]
    public void TryReadFrame_ByteAtATime_FindsEveryImageWhole()
    {
        var splitter = new MjpegSplitter();
        var found = new List<byte[]>();

        foreach (var b in Stream())
        {
            splitter.Write([b]);
            found.AddRange(ReadAll(splitter));
        }

        Assert.Equal(Images, found);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryReadFrame_RandomChunks_FindsEveryImageWhole(int seed)
    {
        var splitter = new MjpegSplitter();
        var random = new Random(seed);
        var stream = Stream();
        var found = new List<byte[]>();

        for (var at = 0; at < stream.Length;)
        {
            var count = Math.Min(stream.Length - at, random.Next(1, 700));
            stream.AsSpan(at, count).CopyTo(splitter.GetWriteSpan(count));
            splitter.Advance(count);
            at += count;
            found.AddRange(ReadAll(splitter));
        }

        Assert.Equal(Images, found);
    }

    [Fact]
    public void TryReadFrame_GarbageBeforeAndBetween_SkippedAndCounted()
    {
        var splitter = new MjpegSplitter();

        splitter.Write([1, 2, 3, 0xFF]);
        splitter.Write(Images[0]);
        splitter.Write([0xFF, 0x00, 9]);
        splitter.Write(Images[2]);

        Assert.Equal([Images[0], Images[2]], ReadAll(splitter));
        Assert.Equal(7L, splitter.SkippedBytes);
    }

    [Fact]
    public void TryReadFrame_ImageCutShortThenAnother_DropsTheBrokenOne()
    {
        // A camera restarted mid-image: SOI, half the headers, then a whole image.
        var splitter = new MjpegSplitter();

        splitter.Write(Images[0].AsSpan(0, 40));
        splitter.Write(Images[1]);

        Assert.Equal([Images[1]], ReadAll(splitter));
        Assert.Equal(1L, splitter.DroppedFrames);
    }

    [Fact]
    public void TryReadFrame_ImageLargerThanMax_DroppedAndNextFound()
    {
        var splitter = new MjpegSplitter(maxFrameBytes: Images[1].Length - 1);

        splitter.Write(Images[1]);
        splitter.Write(Images[0]);

        Assert.Equal([Images[0]], ReadAll(splitter));
        Assert.Equal(1L, splitter.DroppedFrames);
    }

    [Fact]
    public void TryReadFrame_SplitImages_DecodeToTheirColours()
    {
        var pool = new BufferPool<byte>();
        var decoder = new ImageDecoder();
        var splitter = new MjpegSplitter();
        splitter.Write(Stream());
        var colours = new List<(int, int, int, int, int)>();

        while (splitter.TryReadFrame(out var jpeg))
        {
            var frame = decoder.DecodeRgb24(jpeg, pool);
            var pixels = frame.Pixels.Span;
            colours.Add((frame.Width, frame.Height, pixels[0] / 16, pixels[1] / 16, pixels[2] / 16));
            frame.Release();
        }

        Assert.Equal([(16, 8, 15, 0, 0), (24, 16, 0, 15, 0), (8, 8, 0, 0, 15)], colours);
    }

    [Fact]
    public void TryReadFrame_SteadyState_AllocatesNothing()
    {
        var splitter = new MjpegSplitter();
        var stream = Stream();
        var images = 0;
        var allocated = Allocations.SteadyState(() =>
        {
            images = 0;
            splitter.Write(stream);
            while (splitter.TryReadFrame(out _))
            {
                images++;
            }
        });

        Assert.Equal(0L, allocated);
        Assert.Equal(3, images);
    }

    private static byte[] Stream() => [.. Images.SelectMany(image => image)];

    private static List<byte[]> ReadAll(MjpegSplitter splitter)
    {
        var found = new List<byte[]>();
        while (splitter.TryReadFrame(out var frame))
        {
            found.Add(frame.ToArray());
        }

        return found;
    }

    /// <summary>Inserts an APP1 segment after SOI that holds a whole JPEG marker pair (FF D8 ... FF D9), as an EXIF thumbnail would.</summary>
    private static byte[] WithThumbnail(byte[] jpeg)
    {
        byte[] payload = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0, 0xFF, 0xD8, 0xFF, 0xD9, 0xFF, 0xD9];
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}
