namespace Sensact.Devices.Audio.Alsa;

/// <summary>
/// One opened and configured capture PCM, as the capture loop uses it: libasound in the agent
/// (<see cref="AlsaPcm"/>), a scripted fake in tests of over-runs and errors that ALSA's software
/// plugins cannot produce. Calls return libasound's codes (negative errno on failure).
/// </summary>
internal interface IPcmCapture : IDisposable
{
    /// <summary>Gets the period size the device chose, in frames (for logs; chunks keep the configured size).</summary>
    int DevicePeriodFrames { get; }

    /// <summary>Gets the ring buffer size the device chose, in frames: how much audio an over-run loses at least.</summary>
    int DeviceBufferFrames { get; }

    /// <summary>Starts capturing (<c>snd_pcm_start</c>).</summary>
    int Start();

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for audio (<c>snd_pcm_wait</c>): 1 ready, 0 timed out, negative an error.</summary>
    int Wait(int timeoutMilliseconds);

    /// <summary>Reads up to <paramref name="frames"/> interleaved frames (<c>snd_pcm_readi</c>): the count read, or a negative error (<c>-EAGAIN</c> when none is ready).</summary>
    int Read(Span<short> interleaved, int frames);

    /// <summary>Recovers from an over-run or a suspend (<c>snd_pcm_recover</c>); the stream must then be started again.</summary>
    int Recover(int error);

    /// <summary>Gets when the stream was last started or stopped on the device's clock (the trigger time of <c>snd_pcm_status</c>), or <c>null</c> when the device does not say.</summary>
    TimeSpan? TriggerTime();
}
