using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Tensors;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Camera;

public sealed class ImageTensorConverterTests
{
    private readonly BufferPool<byte> _pool = new();

    [Fact]
    public void Constructor_InvalidLayout_ThrowsNamingEveryProblem()
    {
        var layout = new TensorLayout { Width = 0, Height = 240, Mean = [1f, 2f], Std = [1f, 0f, 1f] };

        var error = Assert.Throws<ArgumentException>("layout", () => new ImageTensorConverter(layout));

        Assert.Contains("Width and Height", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("Std", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_DestinationTooShort_Throws()
    {
        var converter = new ImageTensorConverter(new TensorLayout { Width = 2, Height = 2 });
        var frame = Frame(ImagePixelFormat.Gray8, 2, 2, [1, 2, 3, 4]);

        Assert.Throws<ArgumentException>("destination", () => converter.Convert(frame, new float[11]));
        frame.Release();
    }

    [Fact]
    public void Convert_ReleasedFrame_ThrowsObjectDisposed()
    {
        var converter = new ImageTensorConverter(new TensorLayout { Width = 2, Height = 2 });
        var frame = Frame(ImagePixelFormat.Gray8, 2, 2, [1, 2, 3, 4]);
        frame.Release();

        Assert.Throws<ObjectDisposedException>(() => converter.Convert(frame, new float[12]));
    }

    [Fact]
    public void Convert_Rgb24SameSize_WritesPlanarNormalisedPerChannel()
    {
        // Two pixels: (10, 20, 30) and (40, 50, 60); red (v - 1) / 2, green (v - 2) / 4, blue (v - 3) / 8.
        var layout = new TensorLayout { Width = 2, Height = 1, Mean = [1f, 2f, 3f], Std = [2f, 4f, 8f] };
        var frame = Frame(ImagePixelFormat.Rgb24, 2, 1, [10, 20, 30, 40, 50, 60]);
        var tensor = new float[6];

        new ImageTensorConverter(layout).Convert(frame, tensor);

        Assert.Equal([4.5f, 19.5f, 4.5f, 12f, 3.375f, 7.125f], tensor);
        frame.Release();
    }

    [Fact]
    public void Convert_Bgr_PutsBluePlaneFirst()
    {
        var layout = new TensorLayout { Width = 2, Height = 1, ChannelOrder = ChannelOrder.Bgr, Mean = [1f, 2f, 3f], Std = [2f, 4f, 8f] };
        var frame = Frame(ImagePixelFormat.Rgb24, 2, 1, [10, 20, 30, 40, 50, 60]);
        var tensor = new float[6];

        new ImageTensorConverter(layout).Convert(frame, tensor);

        Assert.Equal([3.375f, 7.125f, 4.5f, 12f, 4.5f, 19.5f], tensor);
        frame.Release();
    }

    [Fact]
    public void Convert_Gray8_FillsThreePlanesWithEachChannelsNormalisation()
    {
        var layout = new TensorLayout { Width = 2, Height = 1, Mean = [0f, 100f, 0f], Std = [1f, 1f, 255f] };
        var frame = Frame(ImagePixelFormat.Gray8, 2, 1, [0, 255]);
        var tensor = new float[6];

        new ImageTensorConverter(layout).Convert(frame, tensor);

        Assert.Equal([0f, 255f, -100f, 155f, 0f, 1f], tensor);
        frame.Release();
    }

    [Fact]
    public void Convert_PaddedStride_ReadsOnlyThePixels()
    {
        // 2x2 gray with a 4-byte stride: the padding bytes (99) must not show.
        var frame = new ImageFrame(2, 2, ImagePixelFormat.Gray8, 4, Rent([1, 2, 99, 99, 3, 4]));
        var tensor = new float[12];

        new ImageTensorConverter(new TensorLayout { Width = 2, Height = 2 }).Convert(frame, tensor);

        Assert.Equal([1f, 2f, 3f, 4f], tensor[..4]);
        frame.Release();
    }

    [Fact]
    public void Convert_HalvingBilinear_AveragesEachPairOfPixels()
    {
        // Pixel centres of the output fall between source pixels 2x and 2x + 1 on both axes.
        var frame = Frame(ImagePixelFormat.Gray8, 4, 2, [0, 10, 20, 40, 100, 110, 120, 140]);
        var tensor = new float[6];

        new ImageTensorConverter(new TensorLayout { Width = 2, Height = 1 }).Convert(frame, tensor);

        Assert.Equal([55f, 80f], tensor[..2]);
        frame.Release();
    }

    [Fact]
    public void Convert_ThirdAreaVersusBilinear_AreaAveragesAllBilinearTakesTheCentre()
    {
        var frame = Frame(ImagePixelFormat.Gray8, 3, 1, [0, 30, 90]);
        var area = new float[3];
        var bilinear = new float[3];

        new ImageTensorConverter(new TensorLayout { Width = 1, Height = 1, Resize = ResizeMode.Area }).Convert(frame, area);
        new ImageTensorConverter(new TensorLayout { Width = 1, Height = 1 }).Convert(frame, bilinear);

        Assert.Equal(40f, area[0], 4);
        Assert.Equal(30f, bilinear[0], 4);
        frame.Release();
    }

    [Fact]
    public void Convert_AreaNonIntegerScale_WeighsPixelsByOverlap()
    {
        // 5 -> 2: output 0 covers source [0, 2.5): pixels 0, 1 fully and half of 2.
        var frame = Frame(ImagePixelFormat.Gray8, 5, 1, [10, 20, 30, 40, 50]);
        var tensor = new float[6];

        new ImageTensorConverter(new TensorLayout { Width = 2, Height = 1, Resize = ResizeMode.Area }).Convert(frame, tensor);

        Assert.Equal((10 + 20 + 15) / 2.5f, tensor[0], 4);
        Assert.Equal((15 + 40 + 50) / 2.5f, tensor[1], 4);
        frame.Release();
    }

    [Fact]
    public void Convert_DoublingBilinear_InterpolatesAndClampsTheEdges()
    {
        // Output centres map to -0.25 (clamped to 0), 0.25, 0.75 and 1.25 (clamped to 1).
        var frame = Frame(ImagePixelFormat.Gray8, 2, 1, [0, 100]);
        var tensor = new float[12];

        new ImageTensorConverter(new TensorLayout { Width = 4, Height = 1 }).Convert(frame, tensor);

        Assert.Equal([0f, 25f, 75f, 100f], tensor[..4]);
        frame.Release();
    }

    [Theory]
    [InlineData(16, 128, 128, 0f, 0f, 0f)]
    [InlineData(235, 128, 128, 255f, 255f, 255f)]
    [InlineData(81, 90, 240, 255f, 0f, 0f)] // BT.601 limited-range red
    [InlineData(41, 240, 110, 0f, 0f, 255f)] // blue
    public void Convert_YuyvPrimaries_MatchBt601LimitedRange(byte y, byte u, byte v, float red, float green, float blue)
    {
        var frame = Frame(ImagePixelFormat.Yuyv, 2, 1, [y, u, y, v]);
        var tensor = new float[6];

        new ImageTensorConverter(new TensorLayout { Width = 2, Height = 1 }).Convert(frame, tensor);

        Assert.Equal(red, tensor[0], 1.5f);
        Assert.Equal(green, tensor[2], 1.5f);
        Assert.Equal(blue, tensor[4], 1.5f);
        frame.Release();
    }

    [Fact]
    public void Convert_YuyvMadeFromPhotograph_GivesBackItsRgbWithinTolerance()
    {
        // A 512x512 photograph -> BT.601 YUYV (chroma shared by pairs, 8-bit) -> converter at the same size.
        var rgb = TestImages.Astronaut(_pool);
        var yuyv = TestImages.ToYuyv(rgb, _pool);
        var layout = new TensorLayout { Width = rgb.Width, Height = rgb.Height };
        var expected = new float[layout.Length];
        var actual = new float[layout.Length];

        new ImageTensorConverter(layout).Convert(rgb, expected);
        new ImageTensorConverter(layout).Convert(yuyv, actual);

        var errors = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Order().ToArray();
        Assert.True(errors.Average() < 2.5, $"mean absolute error {errors.Average():F2} of 255");
        Assert.True(errors[(int)(errors.Length * 0.99)] < 16, $"99th percentile error {errors[(int)(errors.Length * 0.99)]:F1} of 255");
        rgb.Release();
        yuyv.Release();
    }

    [Fact]
    public void Convert_YuyvAndRgbOfOnePhotographToUltraFace_AgreeWithinTolerance()
    {
        // The benchmark's path: 640x480-like downscale (512x512 -> 320x240) with UltraFace's normalisation.
        var rgb = TestImages.Astronaut(_pool);
        var yuyv = TestImages.ToYuyv(rgb, _pool);
        var layout = TensorLayout.UltraFace320;
        var fromRgb = new float[layout.Length];
        var fromYuyv = new float[layout.Length];

        new ImageTensorConverter(layout).Convert(rgb, fromRgb);
        new ImageTensorConverter(layout).Convert(yuyv, fromYuyv);

        // (v - 127) / 128: 1/128 is one level.
        var meanError = fromRgb.Zip(fromYuyv, (e, a) => Math.Abs(e - a)).Average() * 128;
        Assert.True(meanError < 2.5, $"mean absolute error {meanError:F2} levels");
        Assert.InRange(fromRgb.Min(), -127f / 128, -126f / 128);
        Assert.InRange(fromRgb.Max(), 127f / 128, 128f / 128);
        rgb.Release();
        yuyv.Release();
    }

    [Fact]
    public void Convert_SteadyState_AllocatesNothing()
    {
        var converter = new ImageTensorConverter(TensorLayout.UltraFace320);
        var frame = new ImageFrame(640, 480, ImagePixelFormat.Yuyv, 1280, _pool.Rent(640 * 480 * 2));
        var tensor = new float[converter.Length];
        var allocated = Allocations.SteadyState(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                converter.Convert(frame, tensor);
            }
        });

        Assert.Equal(0L, allocated);
        frame.Release();
    }

    [Fact]
    public void Convert_FrameSizeChanges_ReplansAndStaysCorrect()
    {
        var converter = new ImageTensorConverter(new TensorLayout { Width = 1, Height = 1 });
        var small = Frame(ImagePixelFormat.Gray8, 2, 1, [10, 30]);
        var large = Frame(ImagePixelFormat.Gray8, 4, 1, [50, 50, 50, 50]);
        var tensor = new float[3];

        converter.Convert(small, tensor);
        Assert.Equal(20f, tensor[0]);
        converter.Convert(large, tensor);
        Assert.Equal(50f, tensor[0]);
        small.Release();
        large.Release();
    }

    private ImageFrame Frame(ImagePixelFormat format, int width, int height, byte[] pixels) =>
        new(width, height, format, pixels.Length / height, Rent(pixels));

    private SharedBuffer<byte> Rent(byte[] pixels)
    {
        var buffer = _pool.Rent(pixels.Length);
        pixels.CopyTo(buffer.Span);
        return buffer;
    }
}
