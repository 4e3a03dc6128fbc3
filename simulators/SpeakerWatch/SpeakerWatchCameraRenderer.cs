using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Simulators.Scenes;
using SkiaSharp;

namespace Sensact.Simulators.SpeakerWatch;

/// <summary>
/// The <c>speaker-watch</c> camera: the scene's texture, scaled to the frame, with the face
/// (astronaut.png's head, cut out in an oval) drawn in its box when in view; Rgb24 in a pooled buffer.
/// </summary>
/// <remarks>
/// Each subscription draws on a surface of its own (SkiaSharp objects are not shared between threads);
/// the background is drawn once and copied under each frame.
/// </remarks>
internal sealed class SpeakerWatchCameraRenderer : ISceneRenderer<ImageFrame>
{
    // The head in astronaut.png (512x512): x 130-320, y 0-230.
    private static readonly SKRectI FaceCrop = new(130, 0, 320, 230);

    private readonly SpeakerWatchScript _script;
    private readonly BufferPool<byte> _pool;
    private readonly int _width;
    private readonly int _height;
    private readonly SKBitmap _target;
    private readonly SKCanvas _canvas;
    private readonly SKImage _face;
    private readonly byte[] _background;
    private readonly SKSamplingOptions _sampling = new(SKFilterMode.Linear, SKMipmapMode.None);

    public SpeakerWatchCameraRenderer(SpeakerWatchScript script, int width, int height, BufferPool<byte> pool)
    {
        _script = script;
        _pool = pool;
        _width = width;
        _height = height;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        _target = new SKBitmap(info);
        _canvas = new SKCanvas(_target);
        using (var texture = Decode($"images/{script.Background}.png"))
        {
            _canvas.DrawImage(texture, new SKRect(0, 0, width, height), _sampling);
            _canvas.Flush();
            _background = _target.GetPixelSpan().ToArray();
        }

        using var astronaut = Decode("images/astronaut.png");
        using var head = new SKBitmap(new SKImageInfo(FaceCrop.Width, FaceCrop.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var headCanvas = new SKCanvas(head))
        using (var oval = new SKRoundRect(new SKRect(0, 0, FaceCrop.Width, FaceCrop.Height), FaceCrop.Width / 2f, FaceCrop.Height / 2f))
        {
            headCanvas.Clear(SKColors.Transparent);
            headCanvas.ClipRoundRect(oval, antialias: true);
            headCanvas.DrawImage(astronaut, FaceCrop, new SKRect(0, 0, FaceCrop.Width, FaceCrop.Height), _sampling);
        }

        _face = SKImage.FromBitmap(head);
    }

    public ImageFrame Render(long index, DateTimeOffset sceneTime)
    {
        var pixels = _target.GetPixelSpan();
        _background.CopyTo(pixels);
        if (_script.FaceAt(sceneTime) is { } face)
        {
            var box = SKRect.Create((float)(face.Left * _width), (float)(face.Top * _height), (float)(face.Width * _width), (float)(face.Height * _height));
            _canvas.DrawImage(_face, box, _sampling);
            _canvas.Flush();
        }

        var buffer = _pool.Rent(_width * _height * 3);
        var rgb = buffer.Span;
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            // Every pixel is opaque (the background is), so premultiplied values are the colours.
            rgb[q] = pixels[p];
            rgb[q + 1] = pixels[p + 1];
            rgb[q + 2] = pixels[p + 2];
        }

        return new ImageFrame(_width, _height, ImagePixelFormat.Rgb24, _width * 3, buffer);
    }

    public string? LabelAt(DateTimeOffset sceneTime) => _script.WindowAt(sceneTime).Label;

    public void Dispose()
    {
        _face.Dispose();
        _canvas.Dispose();
        _target.Dispose();
    }

    private static SKImage Decode(string asset) =>
        SKImage.FromEncodedData(SceneAssets.Bytes(asset)) ?? throw new InvalidDataException($"Scene picture '{asset}' could not be decoded.");
}
