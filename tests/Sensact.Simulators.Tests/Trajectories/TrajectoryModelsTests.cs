using Sensact.Devices.Buffers;
using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Detections.Faces;
using Sensact.Simulators.Scenes;
using Sensact.Simulators.Trajectories;

namespace Sensact.Simulators.Tests.Trajectories;

/// <summary>
/// The real UltraFace detector on the <c>trajectory-watch</c> camera: the faces it finds are where the
/// scene's truth puts the objects (recall over objects wholly in view and apart from the others, and
/// precision over every detection), at the default 320x240.
/// </summary>
public sealed class TrajectoryModelsTests(ITestOutputHelper output)
{
    private const int Frames = 40;

    [Theory]
    [InlineData(UltraFaceDetector.RfbFileName, 1)]
    [InlineData(UltraFaceDetector.RfbFileName, 2)]
    [InlineData(UltraFaceDetector.SlimFileName, 3)]
    public void UltraFace_FindsTheObjectsWhereTheTruthSays(string file, int seed)
    {
        var script = new TrajectoryScript(seed);
        var pool = new BufferPool<byte>();
        using var renderer = new TrajectoryCameraRenderer(script, 320, 240, pool);
        using var detector = UltraFaceDetector.Load(Path.Combine(AppContext.BaseDirectory, "models", "ultraface", file));
        var present = new TrajectoryObservation[script.MaxObjects];
        var found = new Detection[16];
        var (objects, recalled, detections, matched) = (0, 0, 0, 0);
        for (var k = 0; k < Frames; k++)
        {
            var time = SceneClock.Epoch.AddSeconds(60 + (k * 1.3));
            var frame = renderer.Render(k, time);
            var faces = detector.Detect(frame, found);
            frame.Release();
            var count = script.ObservationsAt(time, present);
            var boxes = present.Take(count).Select(o => TrajectoryScript.FaceBoxAt(o.TrueX, o.TrueY)).ToList();
            for (var i = 0; i < boxes.Count; i++)
            {
                var b = boxes[i];
                var apart = boxes.Where((_, j) => j != i).All(o => Math.Abs(o.Left - b.Left) > b.Width * 1.2 || Math.Abs(o.Top - b.Top) > b.Height * 1.2);
                if (apart && b.Left >= 0 && b.Top >= 0 && b.Left + b.Width <= 1 && b.Top + b.Height <= 1)
                {
                    objects++;
                    recalled += found.Take(faces).Any(f => Near(f, b)) ? 1 : 0;
                }
            }

            detections += faces;
            matched += found.Take(faces).Count(f => boxes.Any(b => Near(f, b)));
        }

        var (recall, precision) = ((double)recalled / objects, detections == 0 ? 0 : (double)matched / detections);
        output.WriteLine($"UltraFace {file}, seed {seed}, {script.Background}: recall {recalled}/{objects} = {recall:P1} (objects wholly in view, apart); precision {matched}/{detections} = {precision:P1}");
        Assert.True(objects >= 100, $"{objects} objects");
        Assert.True(recall >= 0.85, $"recall {recall:P1}");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
    }

    // A detection at an object: its centre within half the face's size of the object's.
    private static bool Near(Detection f, Sensact.Simulators.SpeakerWatch.FaceBox b) =>
        Math.Abs(f.CenterX - (b.Left + (b.Width / 2))) < b.Width / 2 && Math.Abs(f.CenterY - (b.Top + (b.Height / 2))) < b.Height / 2;
}
