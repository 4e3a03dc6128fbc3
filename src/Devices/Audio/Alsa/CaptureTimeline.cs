namespace Sensact.Devices.Audio.Alsa;

/// <summary>
/// Originating times of captured frames: the capture start on the injected clock plus the frames
/// counted since, over-run gaps included. Frame <c>n</c> (counted from the start, lost frames
/// included) was sensed at <c>start + n / rate</c>.
/// </summary>
/// <remarks>
/// <para>
/// Counting frames follows the device's own sample clock, so the spacing of chunks is exact and
/// nothing jitters with the capture thread's scheduling. What a count cannot see is an over-run: the
/// device stopped when its buffer was full, and everything from there to the restart is lost. The
/// gap is measured on the device's clock when it says when each run started (the trigger time of
/// <c>snd_pcm_status</c>): <c>(restart − previous start) × rate − frames read in between</c>; a device
/// that gives no trigger time has the gap measured on the injected clock instead. A gap is never
/// negative, so time never runs backwards.
/// </para>
/// <para>Not thread-safe: the capture thread owns it.</para>
/// </remarks>
internal sealed class CaptureTimeline
{
    private readonly int _rate;
    private DateTimeOffset _start;
    private long _position;
    private long _runStartPosition;
    private TimeSpan? _runTrigger;

    /// <summary>Creates a timeline for frames at <paramref name="sampleRateHz"/>.</summary>
    public CaptureTimeline(int sampleRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        _rate = sampleRateHz;
    }

    /// <summary>Gets the frames counted since the start: read, discarded and lost.</summary>
    public long Position => _position;

    /// <summary>Gets the frames lost in over-runs since the start.</summary>
    public long LostFrames { get; private set; }

    /// <summary>Starts the timeline: frame 0 was sensed at <paramref name="now"/>.</summary>
    /// <param name="now">The injected clock when the device started.</param>
    /// <param name="deviceTrigger">When the device started on its own clock, or <c>null</c> when it does not say.</param>
    public void Start(DateTimeOffset now, TimeSpan? deviceTrigger)
    {
        _start = now;
        _position = 0;
        _runStartPosition = 0;
        _runTrigger = deviceTrigger;
        LostFrames = 0;
    }

    /// <summary>Gets the originating time of the next <paramref name="frames"/> frames and moves past them.</summary>
    public DateTimeOffset Next(int frames)
    {
        var time = TimeOf(_position);
        _position += frames;
        return time;
    }

    /// <summary>Moves past frames that were read but not emitted (a period cut short by an over-run).</summary>
    public void Skip(int frames) => _position += frames;

    /// <summary>Continues after the device was restarted following an over-run; the frames in between are a gap.</summary>
    /// <param name="now">The injected clock at the restart.</param>
    /// <param name="deviceTrigger">When the device restarted on its own clock, or <c>null</c> when it does not say.</param>
    /// <returns>The frames lost.</returns>
    public long Restart(DateTimeOffset now, TimeSpan? deviceTrigger)
    {
        var readInRun = _position - _runStartPosition;
        long elapsed;
        if (_runTrigger is { } before && deviceTrigger is { } after && after >= before)
        {
            elapsed = FramesIn(after - before);
        }
        else
        {
            elapsed = FramesIn(now - TimeOf(_runStartPosition));
        }

        var lost = Math.Max(0, elapsed - readInRun);
        _position += lost;
        LostFrames += lost;
        _runStartPosition = _position;
        _runTrigger = deviceTrigger;
        return lost;
    }

    /// <summary>Gets the originating time of frame <paramref name="frame"/>.</summary>
    public DateTimeOffset TimeOf(long frame) =>
        _start + TimeSpan.FromTicks((long)((Int128)frame * TimeSpan.TicksPerSecond / _rate));

    private long FramesIn(TimeSpan span) =>
        (long)Math.Round(span.Ticks * (double)_rate / TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
}
