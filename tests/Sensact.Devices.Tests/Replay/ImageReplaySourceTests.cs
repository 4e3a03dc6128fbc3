using System.Reactive.Concurrency;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Replay;
using Sensact.Devices.Tests.Camera;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Replay;

public sealed class ImageReplaySourceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly BufferPool<byte> _pool = new();
    private readonly HistoricalScheduler _scheduler = new(T0);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithValidationMessage()
    {
        var error = Assert.Throws<ArgumentException>("options", () => new ImageReplaySource("cam", new ReplayOptions { SampleRateHz = 0 }));

        Assert.Contains("SampleRateHz must be greater than 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_FolderNoLoop_ShowsImagesByNameAtTheFrameRateThenCompletes()
    {
        Jpeg("b-green.jpg", 0, 255, 0);
        Jpeg("a-red.jpg", 255, 0, 0);
        _folder.Write("notes.txt", "not an image");
        var source = Source(new ReplayOptions { Path = _folder.Path, SampleRateHz = 2, Loop = false });

        var recorder = source.Frames.Record(_scheduler, out var subscription);
        _scheduler.Start();

        Assert.Equal([T0, T0.AddSeconds(0.5)], recorder.Values.Select(frame => frame.OriginatingTime));
        Assert.Equal([T0, T0.AddSeconds(0.5)], recorder.ValueTimes);
        Assert.Equal([0L, 1L], recorder.Values.Select(frame => frame.Sequence));
        Assert.Equal("rg", string.Concat(recorder.Values.Select(frame => Colour(frame.Payload))));
        Assert.All(recorder.Values, frame => Assert.Equal((16, 8, ImagePixelFormat.Rgb24, "cam"), (frame.Payload.Width, frame.Payload.Height, frame.Payload.Format, frame.SourceId)));
        Assert.True(recorder.Completed);
        Assert.Equal("b-green.jpg", source.CurrentImage);
        Release(recorder);
        subscription.Dispose();
        Assert.Equal(_pool.Rented, _pool.Returned);
    }

    [Fact]
    public void Frames_Photograph_DecodesToRgb24AtItsSize()
    {
        File.Copy(TestImages.AstronautPath, Path.Combine(_folder.Path, "astronaut.png"));
        var source = Source(new ReplayOptions { Path = Path.Combine(_folder.Path, "astronaut.png"), SampleRateHz = 1, Loop = false });

        var recorder = source.Frames.Record(_scheduler, out var subscription);
        _scheduler.Start();

        var frame = Assert.Single(recorder.Values).Payload;
        Assert.Equal((512, 512, 1536), (frame.Width, frame.Height, frame.Stride));
        Release(recorder);
        subscription.Dispose();
    }

    [Fact]
    public void Frames_LoopAtSpeedFactor_RepeatsAndReadsThePathAgainEachPass()
    {
        Jpeg("1.jpg", 255, 0, 0);
        var source = Source(new ReplayOptions { Path = _folder.Path, SampleRateHz = 1, SpeedFactor = 2 });

        var recorder = source.Frames.Record(_scheduler, out var subscription);
        _scheduler.AdvanceTo(T0.AddSeconds(0.9));
        Jpeg("2.jpg", 0, 0, 255);
        _scheduler.AdvanceTo(T0.AddSeconds(2));

        // 2 frames/s, one pass per image; each pass reads the folder when the one before ends: the pass read at
        // 1 s, after 2.jpg was added, shows both.
        Assert.Equal("rrrrb", string.Concat(recorder.Values.Select(frame => Colour(frame.Payload))));
        Assert.Equal(T0.AddSeconds(2), recorder.ValueTimes[^1]);
        Assert.False(recorder.Completed);
        Release(recorder);
        subscription.Dispose();
        Assert.Equal(_pool.Rented, _pool.Returned);
    }

    [Fact]
    public void Frames_AsFastAsPossible_EmitsWithoutWaitingStampedWithSceneTime()
    {
        Jpeg("1.jpg", 255, 0, 0);
        var source = Source(new ReplayOptions { Path = _folder.Path, SampleRateHz = 10, AsFastAsPossible = true });
        var frames = 0;
        IDisposable? subscription = null;

        subscription = source.Frames.Subscribe(frame =>
        {
            frame.Payload.Release();
            if (++frames == 100)
            {
                subscription!.Dispose();
            }
        });
        _scheduler.Start();

        Assert.Equal(100, frames);
        Assert.Equal(T0, _scheduler.Now);
        Assert.Equal(_pool.Rented, _pool.Returned);
    }

    [Fact]
    public void Frames_PathGoneBeforeNextPass_FailsTheStream()
    {
        var image = Jpeg("1.jpg", 255, 0, 0);
        var source = Source(new ReplayOptions { Path = _folder.Path, SampleRateHz = 1 });

        var recorder = source.Frames.Record(_scheduler, out var subscription);
        File.Delete(image);
        _scheduler.AdvanceTo(T0.AddSeconds(5));

        Assert.Single(recorder.Values);
        Assert.IsType<FileNotFoundException>(recorder.Error);
        Release(recorder);
        subscription.Dispose();
    }

    [Fact]
    public void Frames_FileThatIsNotAnImage_FailsNamingIt()
    {
        var bad = _folder.Write("broken.png", "not a png");
        var source = Source(new ReplayOptions { Path = _folder.Path });

        var recorder = source.Frames.Record(_scheduler, out _);
        _scheduler.Start();

        var error = Assert.IsType<InvalidDataException>(recorder.Error);
        Assert.Contains(bad, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblem_FolderWithImages_None()
    {
        Jpeg("1.jpg", 1, 2, 3);

        Assert.Null(ImageReplaySource.FindProblem(_folder.Path));
        Assert.True(ImageReplaySource.IsImagePath(_folder.Path));
    }

    [Fact]
    public void FindProblem_FolderWithoutImagesOrWithBrokenOne_SaysWhy()
    {
        Assert.Contains("holds no .png, .jpg or .jpeg", ImageReplaySource.FindProblem(_folder.Path), StringComparison.Ordinal);
        Assert.False(ImageReplaySource.IsImagePath(_folder.Path));

        var bad = _folder.Write("x.JPG", "text");
        Assert.Equal($"'{bad}' is not a PNG or JPEG image.", ImageReplaySource.FindProblem(_folder.Path));
    }

    private ImageReplaySource Source(ReplayOptions options) => new("cam", options, _pool, _scheduler);

    private string Jpeg(string name, byte red, byte green, byte blue)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllBytes(path, TestImages.SolidJpeg(16, 8, red, green, blue));
        return path;
    }

    /// <summary>The first pixel's strongest channel: r, g or b.</summary>
    private static char Colour(ImageFrame frame)
    {
        var pixel = frame.Pixels.Span[..3];
        return pixel[0] > 128 ? 'r' : pixel[1] > 128 ? 'g' : 'b';
    }

    private static void Release(RecordingObserver<Devices.Frame<ImageFrame>> recorder)
    {
        foreach (var frame in recorder.Values)
        {
            frame.Payload.Release();
        }
    }
}
