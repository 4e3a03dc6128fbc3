using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using SkiaSharp;

namespace Sensact.Simulators.Scenes;

/// <summary>
/// Draws camera frames of the scenes: a CC0 texture scaled to the frame, with the face
/// (astronaut.png's head, cut out in an oval) drawn in any number of boxes; Rgb24 in a pooled buffer.
/// </summary>
/// <remarks>
/// One per subscription (SkiaSharp objects are not shared between threads); the background is drawn
/// once and copied under each frame. Use: <see cref="Begin"/>, <see cref="DrawFace"/> per face, <see cref="Finish"/>.
/// </remarks>
internal sealed class FaceCompositor : IDisposable
{
    /// <summary>The face picture's width over its height (the crop of astronaut.png).</summary>
    public const double FaceAspect = 190.0 / 230.0;

    // The head in astronaut.png (512x512): x 130-320, y 0-230.
    private static readonly SKRectI FaceCrop = new(130, 0, 320, 230);

    private readonly BufferPool<byte> _pool;
    private readonly SKBitmap _target;
    private readonly SKCanvas _canvas;
    private readonly SKImage _face;
    private readonly byte[] _background;
    private readonly SKSamplingOptions _sampling = new(SKFilterMode.Linear, SKMipmapMode.None);
    private bool _drawn;

    /// <summary>Prepares frames of <paramref name="width"/>x<paramref name="height"/> over <c>images/{background}.png</c>.</summary>
    public FaceCompositor(string background, int width, int height, BufferPool<byte> pool)
    {
        _pool = pool;
        Width = width;
        Height = height;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        _target = new SKBitmap(info);
        _canvas = new SKCanvas(_target);
        using (var texture = Decode($"images/{background}.png"))
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

    /// <summary>The frame's width in pixels.</summary>
    public int Width { get; }

    /// <summary>The frame's height in pixels.</summary>
    public int Height { get; }

    /// <summary>Starts a frame: the background alone.</summary>
    public void Begin()
    {
        _background.CopyTo(_target.GetPixelSpan());
        _drawn = false;
    }

    /// <summary>Draws the face in a box given in pixels (it may reach outside the frame: it is clipped).</summary>
    public void DrawFace(float left, float top, float width, float height)
    {
        _canvas.DrawImage(_face, SKRect.Create(left, top, width, height), _sampling);
        _drawn = true;
    }

    /// <summary>Ends the frame: its pixels, Rgb24, in a buffer rented from the pool (the caller's).</summary>
    public ImageFrame Finish()
    {
        if (_drawn)
        {
            _canvas.Flush();
        }

        var pixels = _target.GetPixelSpan();
        var buffer = _pool.Rent(Width * Height * 3);
        var rgb = buffer.Span;
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            // Every pixel is opaque (the background is), so premultiplied values are the colours.
            rgb[q] = pixels[p];
            rgb[q + 1] = pixels[p + 1];
            rgb[q + 2] = pixels[p + 2];
        }

        return new ImageFrame(Width, Height, ImagePixelFormat.Rgb24, Width * 3, buffer);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _face.Dispose();
        _canvas.Dispose();
        _target.Dispose();
    }

    private static SKImage Decode(string asset) =>
        SKImage.FromEncodedData(SceneAssets.Bytes(asset)) ?? throw new InvalidDataException($"Scene picture '{asset}' could not be decoded.");
}
