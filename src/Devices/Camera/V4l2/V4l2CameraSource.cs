using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Buffers;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Camera.V4l2;

/// <summary>
/// A Video4Linux2 camera (USB webcams, CSI bridges, <c>/dev/videoN</c>) in continuous capture through the
/// kernel's memory-mapped streaming I/O: YUYV frames are copied into pooled buffers as they are, MJPEG
/// frames are decoded to <see cref="ImagePixelFormat.Rgb24"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each subscription opens the device on a thread of its own (<c>camera-{id}</c>, which also emits the
/// frames), sets the format (<c>VIDIOC_S_FMT</c>) and the frame interval (<c>VIDIOC_S_PARM</c>), maps
/// <see cref="BufferCount"/> kernel buffers, and then waits (<c>poll</c>), dequeues, copies or decodes, and
/// queues the buffer again. Disposing the subscription stops the thread, the stream and closes the device
/// before it returns (unless called from the capture thread itself).
/// </para>
/// <para>
/// A device that cannot be opened or configured, fails while streaming (<c>ENODEV</c> when unplugged), or
/// delivers no frame for <see cref="NoFrameTimeout"/> ends the stream with <c>OnError</c> naming the device and
/// what to check; the sensor hub reopens it with backoff. A frame the driver marks as damaged, or an MJPEG
/// frame that does not decode, is skipped and counted in <see cref="CorruptFrames"/>.
/// </para>
/// <para>
/// <see cref="Frame{T}.OriginatingTime"/> comes from the driver's capture timestamp (<c>CLOCK_MONOTONIC</c>,
/// usually the end of exposure or the first byte received): the frame's age at dequeue is subtracted from the
/// scheduler's time then. Drivers without monotonic timestamps get the dequeue time.
/// </para>
/// </remarks>
public sealed class V4l2CameraSource : ISensorSource<ImageFrame>
{
    /// <summary>How many kernel buffers are mapped: one being filled, one being read, two in hand.</summary>
    public const int BufferCount = 4;

    /// <summary>How long without a frame before the camera counts as failed.</summary>
    public static readonly TimeSpan NoFrameTimeout = TimeSpan.FromSeconds(5);

    private readonly V4l2CameraOptions _options;
    private readonly BufferPool<byte> _pool;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private long _corruptFrames;

    /// <summary>Creates the source; the device is not opened until <see cref="Frames"/> is subscribed.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="options">Device, size, format and rate; copied now.</param>
    /// <param name="pool">Where frame buffers are rented; a pool of the source's own when <c>null</c>.</param>
    /// <param name="scheduler">The clock that stamps frames; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="logger">Where the negotiated format and skipped frames are reported.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="options"/> is not valid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is <c>null</c>.</exception>
    public V4l2CameraSource(string id, V4l2CameraOptions options, BufferPool<byte>? pool = null, IScheduler? scheduler = null, ILogger<V4l2CameraSource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"v4l2 options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        Id = id;
        _options = options.Copy();
        _pool = pool ?? new BufferPool<byte>();
        _scheduler = scheduler ?? Scheduler.Default;
        _logger = logger ?? NullLogger<V4l2CameraSource>.Instance;
        Frames = Observable.Create<Frame<ImageFrame>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<ImageFrame>> Frames { get; }

    /// <summary>Gets how many frames were skipped as damaged or undecodable, over every subscription.</summary>
    public long CorruptFrames => Interlocked.Read(ref _corruptFrames);

    /// <summary>Checks, before an agent starts, that <paramref name="device"/> opens as a video-capture device.</summary>
    /// <param name="device">The device node.</param>
    /// <returns>What is wrong and what to check (the path, the <c>video</c> group, <c>v4l2-ctl --list-devices</c>, the cable), or <c>null</c>.</returns>
    public static string? FindProblem(string device) => V4l2Device.FindProblem(device);

    private IDisposable Subscribe(IObserver<Frame<ImageFrame>> observer)
    {
        var capture = new CaptureThread($"camera-{Id}", token =>
        {
            try
            {
                Capture(observer, token);
            }
            catch (Exception error) when (!token.IsCancellationRequested)
            {
                // Any failure of the device (or of a consumer within OnNext) ends this opening; the hub reopens.
                observer.OnError(error);
            }
        });
        capture.Start();
        return capture;
    }

    private unsafe void Capture(IObserver<Frame<ImageFrame>> observer, CancellationToken token)
    {
        using var device = V4l2Device.Open(_options.Device);
        var format = Configure(device);
        var buffers = new (nint Address, nuint Length)[BufferCount];
        var decoder = _options.PixelFormat == CameraCaptureFormat.Mjpeg ? new ImageDecoder() : null;
        var streaming = false;
        try
        {
            var request = new V4l2Interop.RequestBuffersArgument { Count = BufferCount, Type = V4l2Interop.BufferTypeVideoCapture, Memory = V4l2Interop.MemoryMmap };
            device.Control(V4l2Interop.RequestBuffers, &request, "requesting buffers (VIDIOC_REQBUFS)");
            if (request.Count < 2)
            {
                throw new IOException($"Camera device '{device.Path}' granted {request.Count} buffer(s); at least 2 are needed.");
            }

            for (var i = 0u; i < Math.Min(request.Count, BufferCount); i++)
            {
                var buffer = new V4l2Interop.Buffer { Index = i, Type = V4l2Interop.BufferTypeVideoCapture, Memory = V4l2Interop.MemoryMmap };
                device.Control(V4l2Interop.QueryBuffer, &buffer, "querying a buffer (VIDIOC_QUERYBUF)");
                var address = V4l2Interop.Map(0, buffer.Length, V4l2Interop.ProtectRead | V4l2Interop.ProtectWrite, V4l2Interop.MapShared, device.Fd, (nint)buffer.Offset);
                if (address == -1)
                {
                    throw new IOException($"Camera device '{device.Path}': mapping buffer {i} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
                }

                buffers[i] = (address, buffer.Length);
                device.Control(V4l2Interop.QueueBuffer, &buffer, "queueing a buffer (VIDIOC_QBUF)");
            }

            var type = (int)V4l2Interop.BufferTypeVideoCapture;
            device.Control(V4l2Interop.StreamOn, &type, "starting the stream (VIDIOC_STREAMON)");
            streaming = true;
            Stream(device, format, buffers, decoder, observer, token);
        }
        finally
        {
            if (streaming)
            {
                var type = (int)V4l2Interop.BufferTypeVideoCapture;
                _ = V4l2Interop.Control(device.Fd, V4l2Interop.StreamOff, &type);
            }

            foreach (var (address, length) in buffers)
            {
                if (address != 0)
                {
                    _ = V4l2Interop.Unmap(address, length);
                }
            }
        }
    }

    private unsafe V4l2Interop.Format Configure(V4l2Device device)
    {
        var fourCc = V4l2Interop.FourCc(_options.PixelFormat == CameraCaptureFormat.Mjpeg ? "MJPG" : "YUYV");
        var format = new V4l2Interop.Format
        {
            Type = V4l2Interop.BufferTypeVideoCapture,
            Width = (uint)_options.Width,
            Height = (uint)_options.Height,
            PixelFormat = fourCc,
            Field = V4l2Interop.FieldAny,
        };
        device.Control(V4l2Interop.SetFormat, &format, "setting the format (VIDIOC_S_FMT)");
        if (format.PixelFormat != fourCc)
        {
            throw new IOException(
                $"Camera device '{device.Path}' ({device.Card}) does not deliver {_options.PixelFormat} (it offers {V4l2Interop.FourCcName(format.PixelFormat)}); " +
                "see 'v4l2-ctl -d " + device.Path + " --list-formats-ext' and set PixelFormat to Yuyv or Mjpeg.");
        }

        if (format.Width != _options.Width || format.Height != _options.Height)
        {
            _logger.LogWarning(
                "Camera {Sensor} ({Device}) delivers {Width}x{Height}, not the {AskedWidth}x{AskedHeight} asked for",
                Id, device.Path, format.Width, format.Height, _options.Width, _options.Height);
        }

        var denominator = (uint)Math.Round(_options.FrameRateHz * 1000);
        var parameters = new V4l2Interop.StreamParameters { Type = V4l2Interop.BufferTypeVideoCapture, TimePerFrameNumerator = 1000, TimePerFrameDenominator = denominator };
        if (V4l2Interop.Control(device.Fd, V4l2Interop.SetStreamParameters, &parameters) != 0 || parameters.TimePerFrameNumerator == 0)
        {
            _logger.LogWarning("Camera {Sensor} ({Device}) does not let its frame rate be set; it runs at its own", Id, device.Path);
        }
        else
        {
            _logger.LogInformation(
                "Camera {Sensor}: {Device} ({Card}) {Width}x{Height} {Format} at {Rate} frames/s",
                Id, device.Path, device.Card, format.Width, format.Height, _options.PixelFormat,
                (parameters.TimePerFrameDenominator / (double)parameters.TimePerFrameNumerator).ToString("0.##", CultureInfo.InvariantCulture));
        }

        return format;
    }

    private unsafe void Stream(
        V4l2Device device, V4l2Interop.Format format, (nint Address, nuint Length)[] buffers, ImageDecoder? decoder,
        IObserver<Frame<ImageFrame>> observer, CancellationToken token)
    {
        const int PollMilliseconds = 200;
        var waited = TimeSpan.Zero;
        long sequence = 0;
        var poll = new V4l2Interop.PollDescriptor { Fd = device.Fd, Events = V4l2Interop.PollIn };
        while (!token.IsCancellationRequested)
        {
            var ready = V4l2Interop.Poll(&poll, 1, PollMilliseconds);
            if (ready < 0 && Marshal.GetLastPInvokeError() == V4l2Interop.ErrorInterrupted)
            {
                continue;
            }

            if (ready == 0)
            {
                waited += TimeSpan.FromMilliseconds(PollMilliseconds);
                if (waited >= NoFrameTimeout)
                {
                    throw new IOException($"Camera device '{device.Path}' delivered no frame for {NoFrameTimeout.TotalSeconds:0} s; check the cable and the camera's power.");
                }

                continue;
            }

            if (ready < 0 || (poll.ReturnedEvents & (V4l2Interop.PollError | V4l2Interop.PollHangUp)) != 0)
            {
                throw new IOException($"Camera device '{device.Path}' stopped streaming (unplugged?); check the cable and 'v4l2-ctl --list-devices'.");
            }

            var buffer = new V4l2Interop.Buffer { Type = V4l2Interop.BufferTypeVideoCapture, Memory = V4l2Interop.MemoryMmap };
            var error = V4l2Interop.Control(device.Fd, V4l2Interop.DequeueBuffer, &buffer);
            if (error == V4l2Interop.ErrorAgain)
            {
                continue;
            }

            if (error != 0)
            {
                throw new IOException($"Camera device '{device.Path}': taking a frame (VIDIOC_DQBUF) failed: {Marshal.GetPInvokeErrorMessage(error)}; check the cable.");
            }

            waited = TimeSpan.Zero;
            var image = Take(buffer, format, buffers, decoder);
            device.Control(V4l2Interop.QueueBuffer, &buffer, "giving a buffer back (VIDIOC_QBUF)");
            if (image is { } frame)
            {
                observer.OnNext(new Frame<ImageFrame>(frame, OriginatingTime(buffer), Id, sequence++));
            }
        }
    }

    /// <summary>Copies (YUYV) or decodes (MJPEG) a dequeued buffer into a pooled frame; <c>null</c> for a damaged frame.</summary>
    private unsafe ImageFrame? Take(in V4l2Interop.Buffer buffer, in V4l2Interop.Format format, (nint Address, nuint Length)[] buffers, ImageDecoder? decoder)
    {
        var (address, length) = buffers[buffer.Index];
        var used = (int)Math.Min(buffer.BytesUsed == 0 ? length : buffer.BytesUsed, length);
        var data = new ReadOnlySpan<byte>((void*)address, used);
        if ((buffer.Flags & V4l2Interop.BufferFlagError) != 0)
        {
            Interlocked.Increment(ref _corruptFrames);
            return null;
        }

        if (decoder is not null)
        {
            try
            {
                return decoder.DecodeRgb24(data, _pool);
            }
            catch (InvalidDataException decodeError)
            {
                Interlocked.Increment(ref _corruptFrames);
                _logger.LogWarning("Camera {Sensor}: skipped a frame that did not decode: {Reason}", Id, decodeError.Message);
                return null;
            }
        }

        var (width, height) = ((int)format.Width, (int)format.Height);
        var stride = Math.Max((int)format.BytesPerLine, width * 2);
        var needed = (stride * (height - 1)) + (width * 2);
        if (used < needed)
        {
            Interlocked.Increment(ref _corruptFrames);
            return null;
        }

        var pixels = _pool.Rent(needed);
        data[..needed].CopyTo(pixels.Span);
        return new ImageFrame(width, height, ImagePixelFormat.Yuyv, stride, pixels);
    }

    private unsafe DateTimeOffset OriginatingTime(in V4l2Interop.Buffer buffer)
    {
        var now = _scheduler.Now;
        V4l2Interop.TimeSpec monotonic;
        if ((buffer.Flags & V4l2Interop.BufferFlagTimestampMask) != V4l2Interop.BufferFlagTimestampMonotonic
            || V4l2Interop.ClockGetTime(V4l2Interop.ClockMonotonic, &monotonic) != 0)
        {
            return now;
        }

        var nowTicks = (monotonic.Seconds * TimeSpan.TicksPerSecond) + (monotonic.Nanoseconds / 100);
        var capturedTicks = (buffer.TimestampSeconds * TimeSpan.TicksPerSecond) + (buffer.TimestampMicroseconds * 10);
        var age = TimeSpan.FromTicks(Math.Clamp(nowTicks - capturedTicks, 0, TimeSpan.TicksPerSecond));
        return now - age;
    }
}
