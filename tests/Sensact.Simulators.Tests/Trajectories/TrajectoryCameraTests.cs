using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Simulators.Scenes;
using Sensact.Simulators.SpeakerWatch;
using Sensact.Simulators.Tests.Scenes;
using Sensact.Simulators.Trajectories;

namespace Sensact.Simulators.Tests.Trajectories;

public sealed class TrajectoryCameraTests
{
    private const int Width = 320;
    private const int Height = 240;

    private static SceneRun.Result<ImageFrame> Camera(int seed, TimeSpan span) =>
        SceneRun.Run(s => SimulatedScenes.CreateCamera("cam", new() { Scene = "trajectory-watch", Seed = seed, FrameRateHz = 10 }, s), span, SceneRun.Bytes, f => f.Release());

    [Fact]
    public void Scene_IsRegistered_WithACameraStreamOnly()
    {
        Assert.Contains("trajectory-watch", SimulatedScenes.Names);
        Assert.Equal(SceneModality.Camera, SimulatedScenes.StreamOf(new() { Scene = "trajectory-watch" }));
        var error = Assert.Single(new SimulatedSensorOptions { Scene = "trajectory-watch", Stream = SceneModality.Audio }.Validate());
        Assert.Contains("Stream", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeed_GivesIdenticalFrames_OtherSeedDiffers_AndLabelsFollowTheTruth()
    {
        var span = TimeSpan.FromSeconds(3);
        var a = Camera(21, span);

        Assert.Equal(30, a.Frames.Count);
        Assert.Equal(a.Hash, Camera(21, span).Hash);
        Assert.NotEqual(a.Hash, Camera(22, span).Hash);
        var script = new TrajectoryScript(21);
        var present = new TrajectoryObservation[script.MaxObjects];
        foreach (var (frame, label) in a.Frames.Zip(a.Labels))
        {
            var count = script.ObservationsAt(frame.OriginatingTime, present);
            var kinds = present.Take(count).Where(o => o.Anomalous).Select(o => o.Kind).Distinct().ToList();
            Assert.Equal(kinds.Count switch { 0 => "normal", 1 => TrajectoryTruth.LabelOf(kinds[0]), _ => "anomalous" }, label);
        }
    }

    [Fact]
    public void Frames_ShowAFaceAtEveryObject_AndTheBackgroundElsewhere()
    {
        var script = new TrajectoryScript(9);
        var pool = new BufferPool<byte>(maxFreePerSize: 4);
        using var renderer = new TrajectoryCameraRenderer(script, Width, Height, pool);
        using var compositor = new FaceCompositor(script.Background, Width, Height, pool);
        compositor.Begin();
        var background = compositor.Finish();
        var present = new TrajectoryObservation[script.MaxObjects];
        var faces = 0;
        for (var k = 0; k < 60; k++)
        {
            var time = SceneRun.T0.AddSeconds(k * 1.5);
            var frame = renderer.Render(k, time);
            var count = script.ObservationsAt(time, present);
            var boxes = present.Take(count).Select(o => Pixels(TrajectoryScript.FaceBoxAt(o.TrueX, o.TrueY))).ToList();
            for (var i = 0; i < boxes.Count; i++)
            {
                var box = boxes[i];
                var alone = boxes.Where((_, j) => j != i).All(other => !Overlaps(Grow(box, 2), other));
                if (alone && box.Left >= 0 && box.Top >= 0 && box.Left + box.Width <= Width && box.Top + box.Height <= Height)
                {
                    // The middle half of the box is the face, not the texture.
                    var inner = (box.Left + (box.Width / 4), box.Top + (box.Height / 4), box.Width / 2, box.Height / 2);
                    Assert.True(MeanDifference(frame, background, inner) > 20, $"no face at track {present[i].TrackId} at {time:O}");
                    faces++;
                }
            }

            // Away from every box, the frame is the background, byte for byte.
            for (var y = 0; y < Height; y += 3)
            {
                for (var x = 0; x < Width; x += 3)
                {
                    if (boxes.All(b => !Overlaps(Grow(b, 2), (x, y, 1, 1))))
                    {
                        var p = (y * Width * 3) + (x * 3);
                        Assert.Equal(background.Pixels.Span.Slice(p, 3).ToArray(), frame.Pixels.Span.Slice(p, 3).ToArray());
                    }
                }
            }

            frame.Release();
        }

        Assert.True(faces >= 100, $"only {faces} faces checked");
        background.Release();
    }

    private static (int Left, int Top, int Width, int Height) Pixels(FaceBox box) =>
        ((int)Math.Floor(box.Left * Width), (int)Math.Floor(box.Top * Height), (int)Math.Ceiling(box.Width * Width) + 1, (int)Math.Ceiling(box.Height * Height) + 1);

    private static (int Left, int Top, int Width, int Height) Grow((int Left, int Top, int Width, int Height) b, int by) =>
        (b.Left - by, b.Top - by, b.Width + (2 * by), b.Height + (2 * by));

    private static bool Overlaps((int Left, int Top, int Width, int Height) a, (int Left, int Top, int Width, int Height) b) =>
        a.Left < b.Left + b.Width && b.Left < a.Left + a.Width && a.Top < b.Top + b.Height && b.Top < a.Top + a.Height;

    private static double MeanDifference(ImageFrame frame, ImageFrame background, (int Left, int Top, int Width, int Height) region)
    {
        var a = frame.Pixels.Span;
        var b = background.Pixels.Span;
        long sum = 0;
        for (var y = region.Top; y < region.Top + region.Height; y++)
        {
            for (var x = 3 * region.Left; x < 3 * (region.Left + region.Width); x++)
            {
                sum += Math.Abs(a[(y * Width * 3) + x] - b[(y * Width * 3) + x]);
            }
        }

        return sum / (double)(region.Width * region.Height * 3);
    }
}
