using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera.Mjpeg;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Camera.Rpicam;

/// <summary>
/// A Raspberry Pi camera module through <c>rpicam-vid</c>: the process writes MJPEG to its standard output,
/// the source cuts it into JPEG images (<see cref="MjpegSplitter"/>) and decodes each to an
/// <see cref="ImagePixelFormat.Rgb24"/> frame in a pooled buffer.
/// </summary>
/// <remarks>
/// <para>
/// Each subscription starts the process (<see cref="RpicamOptions.CommandArguments"/>) and reads it on a
/// thread of its own, named <c>camera-{id}</c>, which also emits the frames. Disposing the subscription kills
/// that process (through its own handle, with any children) and waits for the thread. A process that
/// cannot start, or that ends (no camera, camera busy, cable out), ends the stream with <c>OnError</c> naming
/// the command, its exit code and the last lines it wrote to standard error; the sensor hub reopens it with
/// backoff. A JPEG that does not decode is skipped, counted in <see cref="CorruptFrames"/> and logged.
/// </para>
/// <para>
/// <see cref="Frame{T}.OriginatingTime"/> is the scheduler's time when the image's last byte was read:
/// <c>rpicam-vid</c> writes no capture times into the MJPEG stream, so it includes the encode and pipe delay.
/// </para>
/// </remarks>
public sealed class RpicamSource : ISensorSource<ImageFrame>
{
    private const int StderrLinesKept = 8;
    private readonly RpicamOptions _options;
    private readonly IScheduler _scheduler;
    private readonly BufferPool<byte> _pool;
    private readonly ILogger _logger;
    private long _corruptFrames;

    /// <summary>Creates the source; nothing runs until <see cref="Frames"/> is subscribed.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="options">The command and the camera's size and rate; copied now.</param>
    /// <param name="pool">Where frame buffers are rented; a pool of the source's own when <c>null</c>.</param>
    /// <param name="scheduler">The clock that stamps frames; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="logger">Where skipped frames and the process's standard error go.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="options"/> is not valid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is <c>null</c>.</exception>
    public RpicamSource(string id, RpicamOptions options, BufferPool<byte>? pool = null, IScheduler? scheduler = null, ILogger<RpicamSource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"rpicam options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        Id = id;
        _options = options.Copy();
        _pool = pool ?? new BufferPool<byte>();
        _scheduler = scheduler ?? Scheduler.Default;
        _logger = logger ?? NullLogger<RpicamSource>.Instance;
        Frames = Observable.Create<Frame<ImageFrame>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<ImageFrame>> Frames { get; }

    /// <summary>Gets how many JPEG images did not decode and were skipped, over every subscription.</summary>
    public long CorruptFrames => Interlocked.Read(ref _corruptFrames);

    private IDisposable Subscribe(IObserver<Frame<ImageFrame>> observer)
    {
        var command = _options.Command;
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in _options.CommandArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var stderr = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                stderr.Enqueue(text);
                while (stderr.Count > StderrLinesKept && stderr.TryDequeue(out string? _))
                {
                }

                _logger.LogDebug("{Sensor} {Command}: {Line}", Id, command, text);
            }
        };

        try
        {
            process.Start();
            process.BeginErrorReadLine();
        }
        catch (Exception error) when (error is Win32Exception or InvalidOperationException or IOException)
        {
            process.Dispose();
            observer.OnError(new IOException(
                $"Camera '{Id}': could not start '{command}' ({error.Message}); check Sensors:{Id}:Command and that rpicam-apps is installed (apt install rpicam-apps).", error));
            return Disposable.Empty;
        }

        _logger.LogInformation("Camera {Sensor}: started {Command} {Arguments} (pid {Pid})", Id, command, string.Join(' ', start.ArgumentList), process.Id);
        var capture = new CaptureThread(
            $"camera-{Id}",
            token => Read(process, stderr, observer, token),
            () => Kill(process));
        capture.Start();
        return Disposable.Create(() =>
        {
            capture.Dispose();
            process.Dispose();
        });
    }

    private void Read(Process process, ConcurrentQueue<string> stderr, IObserver<Frame<ImageFrame>> observer, CancellationToken token)
    {
        var splitter = new MjpegSplitter();
        var decoder = new ImageDecoder();
        var stream = process.StandardOutput.BaseStream;
        long sequence = 0;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var read = stream.Read(splitter.GetWriteSpan());
                if (read == 0)
                {
                    break;
                }

                splitter.Advance(read);
                while (!token.IsCancellationRequested && splitter.TryReadFrame(out var jpeg))
                {
                    ImageFrame image;
                    try
                    {
                        image = decoder.DecodeRgb24(jpeg, _pool);
                    }
                    catch (InvalidDataException error)
                    {
                        Interlocked.Increment(ref _corruptFrames);
                        _logger.LogWarning("Camera {Sensor}: skipped a frame that did not decode: {Reason}", Id, error.Message);
                        continue;
                    }

                    observer.OnNext(new Frame<ImageFrame>(image, _scheduler.Now, Id, sequence++));
                }
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
            if (!token.IsCancellationRequested)
            {
                observer.OnError(new IOException($"Camera '{Id}': reading '{_options.Command}' failed: {error.Message}", error));
            }

            return;
        }

        if (token.IsCancellationRequested)
        {
            return;
        }

        // The pipe closed: the process ended (or closed its output); say how.
        var exited = process.WaitForExit(TimeSpan.FromSeconds(2));
        if (exited)
        {
            process.WaitForExit(); // flushes the standard-error lines still in flight
        }

        var code = exited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown (still running)";
        var lines = stderr.IsEmpty ? "nothing" : string.Join(" | ", stderr);
        observer.OnError(new IOException(
            $"Camera '{Id}': '{_options.Command}' ended its output after {sequence} frames (exit code {code}); its last messages: {lines}. " +
            "Check the camera cable and that no other program uses the camera (rpicam-hello --list-cameras)."));
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
