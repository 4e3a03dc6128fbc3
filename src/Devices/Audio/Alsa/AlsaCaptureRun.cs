using Microsoft.Extensions.Logging;
using Sensact.Devices.Buffers;
using static Sensact.Devices.Audio.Alsa.AlsaNative;

namespace Sensact.Devices.Audio.Alsa;

/// <summary>
/// One subscription to an <see cref="AlsaCaptureSource"/>: a thread that opens the device, reads
/// period after period and emits them, until it is disposed or fails; it closes the device itself.
/// </summary>
internal sealed partial class AlsaCaptureRun : IDisposable
{
    /// <summary>How long one wait for audio lasts: how soon a disposed run notices it should stop.</summary>
    internal const int WaitMilliseconds = 100;

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(2);

    private readonly AlsaCaptureSource _source;
    private readonly AlsaCaptureOptions _options;
    private readonly Func<AlsaCaptureOptions, IPcmCapture> _open;
    private readonly IObserver<Frame<AudioChunk>> _observer;
    private readonly BufferPool<float> _pool;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CaptureTimeline _timeline;
    private readonly int _stallMilliseconds;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public AlsaCaptureRun(
        AlsaCaptureSource source,
        AlsaCaptureOptions options,
        Func<AlsaCaptureOptions, IPcmCapture> open,
        IObserver<Frame<AudioChunk>> observer,
        BufferPool<float> pool,
        TimeProvider clock,
        ILogger logger)
    {
        _source = source;
        _options = options;
        _open = open;
        _observer = observer;
        _pool = pool;
        _clock = clock;
        _logger = logger;
        _timeline = new CaptureTimeline(options.SampleRateHz);
        // A device that delivers nothing for this long is stuck (a USB microphone gone quiet): fail
        // and be reopened rather than wait for ever.
        _stallMilliseconds = (int)Math.Max(2000, 8 * options.PeriodDuration.TotalMilliseconds * options.BufferPeriods);
        _thread = new Thread(Run) { Name = $"alsa-{source.Id}", IsBackground = true };
    }

    /// <summary>Starts the capture thread, unless the run was disposed first.</summary>
    public void Start()
    {
        lock (_thread)
        {
            if (!_stopping)
            {
                _thread.Start();
            }
        }
    }

    /// <summary>Stops the capture thread and waits (briefly) until it has closed the device, so that it can be opened again at once.</summary>
    public void Dispose()
    {
        lock (_thread)
        {
            _stopping = true;
        }

        if (Thread.CurrentThread != _thread && _thread.IsAlive)
        {
            _thread.Join(JoinTimeout);
        }
    }

    private void Run()
    {
        IPcmCapture? pcm = null;
        try
        {
            pcm = _open(_options);
            LogOpened(_options.Device, _options.SampleRateHz, _options.Channels, _options.PeriodSamples, pcm.DevicePeriodFrames, pcm.DeviceBufferFrames);
            Capture(pcm);
        }
        catch (Exception error)
        {
            // The device is closed before the error is reported: a consumer that reopens it at once
            // (or waits on this thread for it to close) finds it free.
            pcm?.Dispose();
            pcm = null;

            // After a disposal nobody listens any more; the error (a consumer that threw in OnNext
            // disposes the subscription on its way out) is only logged.
            if (!_stopping)
            {
                _observer.OnError(error);
            }
            else
            {
                LogEndedAfterDisposal(error, _options.Device);
            }
        }
        finally
        {
            pcm?.Dispose();
        }
    }

    private void Capture(IPcmCapture pcm)
    {
        var frames = _options.PeriodSamples;
        var scratch = new short[frames * _options.Channels];
        Check(pcm.Start());
        _timeline.Start(_clock.GetUtcNow(), pcm.TriggerTime());
        var sequence = 0L;
        while (!_stopping)
        {
            if (!Fill(pcm, scratch, frames))
            {
                continue;
            }

            if (_stopping)
            {
                break;
            }

            var buffer = _pool.Rent(scratch.Length);
            Convert(scratch, buffer.Span);
            var time = _timeline.Next(frames);
            _observer.OnNext(new Frame<AudioChunk>(new AudioChunk(buffer, _options.SampleRateHz, _options.Channels), time, _source.Id, sequence++));
        }
    }

    /// <summary>Reads one whole period into <paramref name="scratch"/>; false when an over-run cut it short or the run is stopping.</summary>
    private bool Fill(IPcmCapture pcm, short[] scratch, int frames)
    {
        var filled = 0;
        var idle = 0;
        while (filled < frames)
        {
            if (_stopping)
            {
                return false;
            }

            var result = pcm.Wait(WaitMilliseconds);
            if (result == 0)
            {
                idle += WaitMilliseconds;
                if (idle >= _stallMilliseconds)
                {
                    throw new AlsaException(_options.Device, -EAgain, AlsaMessages.Stalled(_options.Device, TimeSpan.FromMilliseconds(idle)));
                }

                continue;
            }

            if (result > 0)
            {
                idle = 0;
                result = pcm.Read(scratch.AsSpan(filled * _options.Channels), frames - filled);
                if (result >= 0)
                {
                    filled += result;
                    continue;
                }
            }

            if (result is -EAgain or -EIntr)
            {
                continue;
            }

            Recover(pcm, result, filled);
            return false;
        }

        return true;
    }

    /// <summary>Recovers from an over-run or a suspend and restarts the device; any other error ends the run.</summary>
    private void Recover(IPcmCapture pcm, int error, int framesReadInPeriod)
    {
        if (error is not (-EPipe or -EStrPipe))
        {
            throw new AlsaException(_options.Device, error, AlsaMessages.CaptureFailed(_options.Device, error));
        }

        // The frames read before the over-run belong to a period that cannot be completed: they are
        // dropped with the lost ones, and the timeline moves past them.
        _timeline.Skip(framesReadInPeriod);
        Check(pcm.Recover(error));
        Check(pcm.Start());
        var lost = _timeline.Restart(_clock.GetUtcNow(), pcm.TriggerTime()) + framesReadInPeriod;
        var overruns = _source.CountLoss(lost, overrun: error == -EPipe);
        var gap = TimeSpan.FromSeconds((double)lost / _options.SampleRateHz);
        if (error == -EPipe)
        {
            LogOverrun(_options.Device, gap.TotalMilliseconds, overruns);
        }
        else
        {
            LogResumed(_options.Device, gap.TotalMilliseconds);
        }
    }

    private void Check(int result)
    {
        if (result < 0)
        {
            throw new AlsaException(_options.Device, result, AlsaMessages.CaptureFailed(_options.Device, result));
        }
    }

    /// <summary>S16 to float: <c>value / 32768</c>, exact in single precision.</summary>
    internal static void Convert(ReadOnlySpan<short> samples, Span<float> destination)
    {
        const float Scale = 1f / 32768f;
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = samples[i] * Scale;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Capturing from ALSA device {Device}: {Rate} Hz, {Channels} channel(s), chunks of {Frames} frames (device period {DevicePeriod}, buffer {DeviceBuffer} frames)")]
    private partial void LogOpened(string device, int rate, int channels, int frames, int devicePeriod, int deviceBuffer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALSA over-run on {Device}: {GapMs:0.#} ms of audio lost (over-run {Overruns} so far); capture goes on, the gap shows in the originating times")]
    private partial void LogOverrun(string device, double gapMs, long overruns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capture from ALSA device {Device} ended with an error after its subscription was disposed")]
    private partial void LogEndedAfterDisposal(Exception error, string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALSA device {Device} was suspended and resumed: {GapMs:0.#} ms of audio lost")]
    private partial void LogResumed(string device, double gapMs);
}
