using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.Trajectories;

/// <summary>
/// The <c>trajectory-watch</c> camera: the scene's texture, scaled to the frame (the whole 48 m x 36 m
/// area), with the face drawn centred on every object's true position; Rgb24 in a pooled buffer.
/// </summary>
/// <remarks>The label is <c>normal</c>, the kind of the one anomaly under way, or <c>anomalous</c> when several are.</remarks>
internal sealed class TrajectoryCameraRenderer(TrajectoryScript script, int width, int height, BufferPool<byte> pool) : ISceneRenderer<ImageFrame>
{
    private readonly FaceCompositor _compositor = new(script.Background, width, height, pool);
    private readonly TrajectoryObservation[] _present = new TrajectoryObservation[script.MaxObjects];
    private DateTimeOffset _labelTime = DateTimeOffset.MinValue;
    private string _label = "normal";

    public ImageFrame Render(long index, DateTimeOffset sceneTime)
    {
        var count = script.ObservationsAt(sceneTime, _present);
        _compositor.Begin();
        for (var i = 0; i < count; i++)
        {
            var box = TrajectoryScript.FaceBoxAt(_present[i].TrueX, _present[i].TrueY);
            _compositor.DrawFace((float)(box.Left * width), (float)(box.Top * height), (float)(box.Width * width), (float)(box.Height * height));
        }

        _label = Label(_present.AsSpan(0, count));
        _labelTime = sceneTime;
        return _compositor.Finish();
    }

    public string? LabelAt(DateTimeOffset sceneTime)
    {
        if (sceneTime != _labelTime)
        {
            var count = script.ObservationsAt(sceneTime, _present);
            _label = Label(_present.AsSpan(0, count));
            _labelTime = sceneTime;
        }

        return _label;
    }

    public void Dispose() => _compositor.Dispose();

    private static string Label(ReadOnlySpan<TrajectoryObservation> present)
    {
        var kind = TrajectoryAnomalyKind.None;
        foreach (var o in present)
        {
            if (o.Anomalous)
            {
                if (kind != TrajectoryAnomalyKind.None && kind != o.Kind)
                {
                    return "anomalous";
                }

                kind = o.Kind;
            }
        }

        return TrajectoryTruth.LabelOf(kind);
    }
}
