using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.SpeakerWatch;

/// <summary>
/// The <c>speaker-watch</c> camera: the scene's texture, scaled to the frame, with the face
/// (astronaut.png's head, cut out in an oval) drawn in its box when in view; Rgb24 in a pooled buffer.
/// </summary>
/// <remarks>Each subscription draws with a <see cref="FaceCompositor"/> of its own.</remarks>
internal sealed class SpeakerWatchCameraRenderer(SpeakerWatchScript script, int width, int height, BufferPool<byte> pool) : ISceneRenderer<ImageFrame>
{
    private readonly FaceCompositor _compositor = new(script.Background, width, height, pool);

    public ImageFrame Render(long index, DateTimeOffset sceneTime)
    {
        _compositor.Begin();
        if (script.FaceAt(sceneTime) is { } face)
        {
            _compositor.DrawFace((float)(face.Left * width), (float)(face.Top * height), (float)(face.Width * width), (float)(face.Height * height));
        }

        return _compositor.Finish();
    }

    public string? LabelAt(DateTimeOffset sceneTime) => script.WindowAt(sceneTime).Label;

    public void Dispose() => _compositor.Dispose();
}
