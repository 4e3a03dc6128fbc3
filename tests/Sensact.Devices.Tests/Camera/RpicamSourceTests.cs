using System.Reactive.Concurrency;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Rpicam;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Camera;

/// <summary>The rpicam path with a stand-in command: a shell script that writes concatenated JPEGs to its output.</summary>
public sealed class RpicamSourceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();
    private readonly BufferPool<byte> _pool = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingKeys()
    {
        var options = new RpicamOptions { Command = " ", Width = 0, FrameRateHz = double.NaN };

        var error = Assert.Throws<ArgumentException>("options", () => new RpicamSource("cam", options));

        Assert.Contains("Command", error.Message, StringComparison.Ordinal);
        Assert.Contains("Width", error.Message, StringComparison.Ordinal);
        Assert.Contains("FrameRateHz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandArguments_Default_AskForMjpegOnStandardOutput()
    {
        var options = new RpicamOptions { Width = 320, Height = 240, FrameRateHz = 7.5 };
        options.Arguments.Add("--hflip");

        Assert.Equal(
            "-t 0 -n --codec mjpeg --width 320 --height 240 --framerate 7.5 -o - --hflip",
            string.Join(' ', options.CommandArguments()));
    }

    [Fact]
    public async Task Frames_FakeCommandWritesThreeJpegsAndExits_DecodesThemThenFailsNamingTheCommand()
    {
        var script = FakeCamera("echo 'ERROR: no cameras available' >&2\nexit 3");
        var source = new RpicamSource("cam", new RpicamOptions { Command = script, Width = 16, Height = 8 }, _pool);
        var frames = new List<(long Sequence, int Width, int Red, int Green, int Blue)>();
        var ended = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);

        using (source.Frames.Subscribe(
            frame =>
            {
                var pixels = frame.Payload.Pixels.Span;
                frames.Add((frame.Sequence, frame.Payload.Width, pixels[0] / 16, pixels[1] / 16, pixels[2] / 16));
                frame.Payload.Release();
            },
            error => ended.SetResult(error)))
        {
            var error = await ended.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

            Assert.IsType<IOException>(error);
            Assert.Contains(script, error.Message, StringComparison.Ordinal);
            Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
            Assert.Contains("no cameras available", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal([(0L, 16, 15, 0, 0), (1L, 16, 0, 15, 0), (2L, 16, 0, 0, 15)], frames);
        Assert.Equal(_pool.Rented, _pool.Returned);
    }

    [Fact]
    public async Task Frames_CommandPassedArguments_GetsWidthHeightAndRate()
    {
        var arguments = Path.Combine(_folder.Path, "arguments.txt");
        var script = FakeCamera($"echo \"$@\" > '{arguments}'");
        var source = new RpicamSource("cam", new RpicamOptions { Command = script, Width = 64, Height = 48, FrameRateHz = 5 }, _pool);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (source.Frames.Subscribe(frame => frame.Payload.Release(), _ => ended.SetResult()))
        {
            await ended.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        }

        Assert.Equal("-t 0 -n --codec mjpeg --width 64 --height 48 --framerate 5 -o -", File.ReadAllText(arguments).Trim());
    }

    [Fact]
    public void Frames_CommandMissing_FailsAtOnceNamingIt()
    {
        var missing = Path.Combine(_folder.Path, "no-such-rpicam-vid");
        var source = new RpicamSource("cam", new RpicamOptions { Command = missing }, _pool);

        var recorder = source.Frames.Record(ImmediateScheduler.Instance, out var subscription);
        subscription.Dispose();

        var error = Assert.IsType<IOException>(recorder.Error);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("Sensors:cam:Command", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_WhileCommandRuns_KillsItsProcess()
    {
        var pidFile = Path.Combine(_folder.Path, "pid");
        var script = FakeCamera("exec sleep 600", before: $"echo $$ > '{pidFile}'");
        var source = new RpicamSource("cam", new RpicamOptions { Command = script }, _pool);
        var firstFrame = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Exception? failure = null;

        var subscription = source.Frames.Subscribe(
            frame =>
            {
                frame.Payload.Release();
                firstFrame.TrySetResult();
            },
            error => failure = error);
        await firstFrame.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Directory.Exists($"/proc/{pid}"));

        subscription.Dispose();

        // Dispose waits for the reading thread, which ends once the process is killed; the kernel may take a moment to reap it.
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(!Directory.Exists($"/proc/{pid}") || IsZombie(pid), $"process {pid} still runs");
        Assert.Null(failure);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z";
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Writes three JPEGs (red, green, blue) and a script that prints them and then runs <paramref name="after"/>.</summary>
    private string FakeCamera(string after, string before = "")
    {
        var frames = Path.Combine(_folder.Path, "frames.mjpeg");
        File.WriteAllBytes(frames, [
            .. TestImages.SolidJpeg(16, 8, 255, 0, 0),
            .. TestImages.SolidJpeg(16, 8, 0, 255, 0),
            .. TestImages.SolidJpeg(16, 8, 0, 0, 255),
        ]);
        var script = Path.Combine(_folder.Path, "fake-rpicam-vid.sh");
        File.WriteAllText(script, $"#!/bin/sh\n{before}\ncat '{frames}'\n{after}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
