using System.Runtime.InteropServices;
using static Sensact.Devices.Audio.Alsa.AlsaNative;

namespace Sensact.Devices.Audio.Alsa;

/// <summary>
/// A capture PCM opened through libasound: interleaved S16_LE at the configured rate, channels,
/// period and buffer size. Non-blocking, so that the capture thread waits with a timeout
/// (<see cref="Wait"/>) and can notice that it should stop; closed by <see cref="Dispose"/>.
/// </summary>
/// <remarks>Not thread-safe: one capture thread uses it from open to close.</remarks>
internal sealed class AlsaPcm : IPcmCapture
{
    private readonly nint _status;
    private nint _pcm;

    private AlsaPcm(nint pcm, nint status, int periodFrames, int bufferFrames)
    {
        _pcm = pcm;
        _status = status;
        DevicePeriodFrames = periodFrames;
        DeviceBufferFrames = bufferFrames;
    }

    public int DevicePeriodFrames { get; }

    public int DeviceBufferFrames { get; }

    /// <summary>Opens and configures the capture device named in <paramref name="options"/>.</summary>
    /// <exception cref="AlsaException">libasound is not installed, or the device cannot be opened or does not take the configuration; the message says what to check.</exception>
    public static AlsaPcm Open(AlsaCaptureOptions options)
    {
        var device = options.Device;
        if (!IsAvailable)
        {
            throw new AlsaException(device, -ENoEnt, AlsaMessages.NotInstalled);
        }

        // Opened non-blocking: a blocking open of a busy hw device would wait until it is free.
        var error = snd_pcm_open(out var pcm, device, StreamCapture, OpenNonBlocking);
        if (error < 0)
        {
            throw new AlsaException(device, error, AlsaMessages.OpenFailed(device, error));
        }

        var status = nint.Zero;
        try
        {
            var (period, buffer) = Configure(pcm, options);
            Check(snd_pcm_status_malloc(out status), device, "snd_pcm_status_malloc");
            return new AlsaPcm(pcm, status, period, buffer);
        }
        catch
        {
            if (status != 0)
            {
                snd_pcm_status_free(status);
            }

            _ = snd_pcm_close(pcm); // already failing: the first error is the one to report
            throw;
        }
    }

    public int Start() => snd_pcm_start(_pcm);

    public int Wait(int timeoutMilliseconds) => snd_pcm_wait(_pcm, timeoutMilliseconds);

    public int Read(Span<short> interleaved, int frames) =>
        (int)snd_pcm_readi(_pcm, ref MemoryMarshal.GetReference(interleaved), (nuint)frames);

    public int Recover(int error) => snd_pcm_recover(_pcm, error, 1);

    public TimeSpan? TriggerTime()
    {
        if (snd_pcm_status(_pcm, _status) < 0)
        {
            return null;
        }

        snd_pcm_status_get_trigger_htstamp(_status, out var trigger);
        return trigger.ToTimeSpan();
    }

    public void Dispose()
    {
        if (_pcm == 0)
        {
            return;
        }

        _ = snd_pcm_close(_pcm); // nothing to do about a failed close
        snd_pcm_status_free(_status);
        _pcm = 0;
    }

    private static (int Period, int Buffer) Configure(nint pcm, AlsaCaptureOptions options)
    {
        var device = options.Device;
        Check(snd_pcm_hw_params_malloc(out var hw), device, "snd_pcm_hw_params_malloc");
        try
        {
            Check(snd_pcm_hw_params_any(pcm, hw), device, "snd_pcm_hw_params_any");
            Unsupported(snd_pcm_hw_params_set_access(pcm, hw, AccessRwInterleaved), device, "interleaved read access");
            Unsupported(snd_pcm_hw_params_set_format(pcm, hw, FormatS16Le), device, "16-bit samples (S16_LE)");
            Unsupported(snd_pcm_hw_params_set_channels(pcm, hw, (uint)options.Channels), device, $"{options.Channels} channel(s)");
            Unsupported(snd_pcm_hw_params_set_rate(pcm, hw, (uint)options.SampleRateHz, 0), device, $"{options.SampleRateHz} Hz");
            var period = (nuint)options.PeriodSamples;
            var direction = 0;
            Unsupported(snd_pcm_hw_params_set_period_size_near(pcm, hw, ref period, ref direction), device, $"periods of about {options.PeriodSamples} frames");
            var buffer = (nuint)options.PeriodSamples * (nuint)options.BufferPeriods;
            Unsupported(snd_pcm_hw_params_set_buffer_size_near(pcm, hw, ref buffer), device, $"a buffer of about {buffer} frames");
            Unsupported(snd_pcm_hw_params(pcm, hw), device, "this configuration");
            Check(snd_pcm_hw_params_get_period_size(hw, out period, out _), device, "snd_pcm_hw_params_get_period_size");
            Check(snd_pcm_hw_params_get_buffer_size(hw, out buffer), device, "snd_pcm_hw_params_get_buffer_size");
            UseMonotonicTimestamps(pcm);
            Check(snd_pcm_nonblock(pcm, 1), device, "snd_pcm_nonblock");
            return ((int)period, (int)buffer);
        }
        finally
        {
            snd_pcm_hw_params_free(hw);
        }
    }

    // Trigger times on the monotonic clock, so that a wall-clock step (NTP) cannot distort an
    // over-run's measured gap. Best effort: a device that refuses keeps its default clock.
    private static void UseMonotonicTimestamps(nint pcm)
    {
        if (snd_pcm_sw_params_malloc(out var sw) < 0)
        {
            return;
        }

        try
        {
            if (snd_pcm_sw_params_current(pcm, sw) >= 0 && snd_pcm_sw_params_set_tstamp_type(pcm, sw, TimestampTypeMonotonic) >= 0)
            {
                _ = snd_pcm_sw_params(pcm, sw);
            }
        }
        finally
        {
            snd_pcm_sw_params_free(sw);
        }
    }

    private static void Unsupported(int error, string device, string what)
    {
        if (error < 0)
        {
            throw new AlsaException(device, error, AlsaMessages.ConfigureFailed(device, what, error));
        }
    }

    private static void Check(int error, string device, string call)
    {
        if (error < 0)
        {
            throw new AlsaException(device, error, AlsaMessages.CallFailed(device, call, error));
        }
    }
}
