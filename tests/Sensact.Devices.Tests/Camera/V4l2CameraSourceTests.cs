using System.Reactive.Concurrency;
using System.Runtime.CompilerServices;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.V4l2;

namespace Sensact.Devices.Tests.Camera;

/// <summary>What of the v4l2 path runs without a camera: layouts, request numbers, options and the start-up checks.</summary>
public sealed class V4l2CameraSourceTests
{
    [Fact]
    public void Structures_HaveTheKernelsSizesOn64BitLinux()
    {
        Assert.Equal(
            (104, 208, 20, 88, 204),
            (Unsafe.SizeOf<V4l2Interop.Capability>(), Unsafe.SizeOf<V4l2Interop.Format>(), Unsafe.SizeOf<V4l2Interop.RequestBuffersArgument>(), Unsafe.SizeOf<V4l2Interop.Buffer>(), Unsafe.SizeOf<V4l2Interop.StreamParameters>()));
    }

    [Fact]
    public void RequestNumbers_MatchVideodev2()
    {
        // The values of VIDIOC_* on x86-64 and arm64, as the C headers compute them.
        Assert.Equal(0x80685600u, (uint)V4l2Interop.QueryCapability);
        Assert.Equal(0xC0D05605u, (uint)V4l2Interop.SetFormat);
        Assert.Equal(0xC0145608u, (uint)V4l2Interop.RequestBuffers);
        Assert.Equal(0xC0585609u, (uint)V4l2Interop.QueryBuffer);
        Assert.Equal(0xC058560Fu, (uint)V4l2Interop.QueueBuffer);
        Assert.Equal(0xC0585611u, (uint)V4l2Interop.DequeueBuffer);
        Assert.Equal(0x40045612u, (uint)V4l2Interop.StreamOn);
        Assert.Equal(0x40045613u, (uint)V4l2Interop.StreamOff);
        Assert.Equal(0xC0CC5616u, (uint)V4l2Interop.SetStreamParameters);
    }

    [Fact]
    public void FourCc_YuyvAndMjpeg_MatchVideodev2()
    {
        Assert.Equal(0x56595559u, V4l2Interop.FourCc("YUYV"));
        Assert.Equal(0x47504A4Du, V4l2Interop.FourCc("MJPG"));
        Assert.Equal("MJPG", V4l2Interop.FourCcName(0x47504A4Du));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEveryKey()
    {
        var options = new V4l2CameraOptions { Device = "", Width = 641, Height = 0, FrameRateHz = 0, PixelFormat = CameraCaptureFormat.Yuyv };

        var error = Assert.Throws<ArgumentException>("options", () => new V4l2CameraSource("cam", options));

        Assert.Contains("Device must name", error.Message, StringComparison.Ordinal);
        Assert.Contains("Width must be even for YUYV", error.Message, StringComparison.Ordinal);
        Assert.Contains("Height must be between 1 and 8192", error.Message, StringComparison.Ordinal);
        Assert.Contains("FrameRateHz must be greater than 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OddWidthForMjpeg_Accepted() =>
        Assert.Empty(new V4l2CameraOptions { Width = 641, PixelFormat = CameraCaptureFormat.Mjpeg }.Validate());

    [Fact]
    public void FindProblem_MissingDevice_NamesPathAndWhatToCheck()
    {
        var problem = V4l2CameraSource.FindProblem("/dev/video-sensact-missing");

        Assert.NotNull(problem);
        Assert.Contains("'/dev/video-sensact-missing' does not exist", problem, StringComparison.Ordinal);
        Assert.Contains("v4l2-ctl --list-devices", problem, StringComparison.Ordinal);
        Assert.Contains("cable", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblem_NotAVideoDevice_SaysSo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/null"), "needs Linux");

        var problem = V4l2CameraSource.FindProblem("/dev/null");

        Assert.NotNull(problem);
        Assert.Contains("'/dev/null' is not a V4L2 video device", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_MissingDevice_EndsWithErrorNamingIt()
    {
        var source = new V4l2CameraSource("cam", new V4l2CameraOptions { Device = "/dev/video-sensact-missing" }, scheduler: ImmediateScheduler.Instance);
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);

        using (source.Frames.Subscribe(frame => frame.Payload.Release(), error => failed.TrySetResult(error)))
        {
            var error = await failed.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.IsType<IOException>(error);
            Assert.Contains("/dev/video-sensact-missing", error.Message, StringComparison.Ordinal);
        }
    }
}
