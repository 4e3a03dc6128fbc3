using BenchmarkDotNet.Attributes;
using Sensact.Benchmarks.Sensors;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Tensors;

namespace Sensact.Benchmarks.Camera;

/// <summary>
/// One camera frame to a model's input, per frame: 640x480 YUYV to the 320x240 RGB planar float tensor
/// UltraFace wants, bilinear and area, against a plain copy of the same 614,400 bytes (the floor any
/// conversion pays to read the frame once), and the RGB24 and Gray8 inputs for comparison.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup] and needs an unsealed class.
public class CameraConvertBenchmarks
#pragma warning restore CA1001
{
    private const int SourceWidth = 640;
    private const int SourceHeight = 480;

    private readonly BufferPool<byte> _pool = new();
    private readonly ImageTensorConverter _bilinear = new(TensorLayout.UltraFace320);
    private readonly ImageTensorConverter _area = new(new TensorLayout
    {
        Width = 320,
        Height = 240,
        Resize = ResizeMode.Area,
        Mean = [127f, 127f, 127f],
        Std = [128f, 128f, 128f],
    });

    private readonly float[] _tensor = new float[TensorLayout.UltraFace320.Length];
    private readonly byte[] _copy = new byte[SourceWidth * SourceHeight * 2];
    private ImageFrame _yuyv;
    private ImageFrame _rgb;
    private ImageFrame _gray;

    [GlobalSetup]
    public void Setup()
    {
        _yuyv = Frame(ImagePixelFormat.Yuyv, 2);
        _rgb = Frame(ImagePixelFormat.Rgb24, 3);
        _gray = Frame(ImagePixelFormat.Gray8, 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _yuyv.Release();
        _rgb.Release();
        _gray.Release();
    }

    [Benchmark(Baseline = true, Description = "copy 640x480 YUYV bytes")]
    public void CopyYuyvBytes() => _yuyv.Pixels.Span.CopyTo(_copy);

    [Benchmark(Description = "YUYV 640x480 -> 320x240 RGB planar, bilinear")]
    public void YuyvBilinear() => _bilinear.Convert(_yuyv, _tensor);

    [Benchmark(Description = "YUYV 640x480 -> 320x240 RGB planar, area")]
    public void YuyvArea() => _area.Convert(_yuyv, _tensor);

    [Benchmark(Description = "RGB24 640x480 -> 320x240 RGB planar, bilinear")]
    public void RgbBilinear() => _bilinear.Convert(_rgb, _tensor);

    [Benchmark(Description = "Gray8 640x480 -> 320x240 RGB planar, bilinear")]
    public void GrayBilinear() => _bilinear.Convert(_gray, _tensor);

    private ImageFrame Frame(ImagePixelFormat format, int bytesPerPixel)
    {
        var stride = SourceWidth * bytesPerPixel;
        var pixels = _pool.Rent(stride * SourceHeight);
        var random = new Random(7);
        random.NextBytes(pixels.Span);
        return new ImageFrame(SourceWidth, SourceHeight, format, stride, pixels);
    }
}
