using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Buffers;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Audio.Alsa;

/// <summary>
/// A microphone captured through ALSA (libasound's PCM API): a continuous stream of fixed-size
/// periods, S16 samples scaled to [-1, 1] in pooled buffers.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Frames"/> is cold: each subscription opens the device on a capture thread of its own,
/// which reads period after period and emits each as a <see cref="Frame{T}"/> of
/// <see cref="AudioChunk"/> on that thread. Disposing the subscription stops the thread (within
/// 100 ms) and closes the device. A device that cannot be opened, an ALSA error while capturing, or
/// a device that delivers nothing for a while ends the stream with <c>OnError</c>
/// (<see cref="AlsaException"/>); the sensor hub reopens it with backoff.
/// </para>
/// <para>
/// Over-runs (the capture thread fell a whole buffer behind and the device stopped) are recovered
/// and counted in <see cref="Overruns"/>; the frames lost are a gap in the originating times, not a
/// shift. Chunk <c>k</c> was sensed at the capture start on the injected clock plus <c>k</c> periods
/// plus the gaps before it (see <see cref="CaptureTimeline"/>): the originating time is that of the
/// chunk's first frame.
/// </para>
/// <para>
/// Ownership: each chunk holds the one reference of a buffer rented from the pool; the stream hands
/// it on (see <see cref="SharedBuffer{T}"/>). The steady state allocates nothing per period.
/// </para>
/// </remarks>
public sealed class AlsaCaptureSource : ISensorSource<AudioChunk>, ISampledSensor
{
    private readonly AlsaCaptureOptions _options;
    private readonly Func<AlsaCaptureOptions, IPcmCapture> _open;
    private readonly BufferPool<float> _pool;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private long _overruns;
    private long _lostFrames;

    /// <summary>Creates a source; nothing is opened until <see cref="Frames"/> is subscribed.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="options">The device and its format; the values are copied now.</param>
    /// <param name="clock">The clock originating times are taken from; <see cref="TimeProvider.System"/> when <c>null</c>.</param>
    /// <param name="pool">Where sample buffers are rented; a pool of the source's own when <c>null</c>.</param>
    /// <param name="logger">Where openings and over-runs are reported.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="options"/> is not valid (see <see cref="AlsaCaptureOptions.Validate"/>).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is <c>null</c>.</exception>
    public AlsaCaptureSource(
        string id,
        AlsaCaptureOptions options,
        TimeProvider? clock = null,
        BufferPool<float>? pool = null,
        ILogger<AlsaCaptureSource>? logger = null)
        : this(id, options, AlsaPcm.Open, clock, pool, logger)
    {
    }

    /// <summary>Creates a source over another PCM than libasound's (tests script over-runs and errors this way).</summary>
    internal AlsaCaptureSource(
        string id,
        AlsaCaptureOptions options,
        Func<AlsaCaptureOptions, IPcmCapture> open,
        TimeProvider? clock = null,
        BufferPool<float>? pool = null,
        ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"ALSA capture options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        Id = id;
        _options = options.Copy();
        _open = open;
        _clock = clock ?? TimeProvider.System;
        _pool = pool ?? new BufferPool<float>();
        _logger = logger ?? NullLogger.Instance;
        Frames = Observable.Create<Frame<AudioChunk>>(observer =>
        {
            var run = new AlsaCaptureRun(this, _options, _open, observer, _pool, _clock, _logger);
            // Rx wires a subscription inside a trampoline on the subscribing thread; starting the
            // thread from that trampoline's queue lets the whole chain finish wiring first. Started at
            // once, a fast device (ALSA's file and null plugins) could complete a Take(n) downstream
            // before the chain could dispose this run, and go on filling buffers nobody releases.
            CurrentThreadScheduler.Instance.Schedule(run.Start);
            return run;
        });
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<AudioChunk>> Frames { get; }

    /// <summary>Gets the configured sample rate, in samples per second per channel.</summary>
    public double SampleRateHz => _options.SampleRateHz;

    /// <summary>Gets the ALSA device captured.</summary>
    public string Device => _options.Device;

    /// <summary>Gets how many over-runs were recovered, over every subscription so far.</summary>
    public long Overruns => Interlocked.Read(ref _overruns);

    /// <summary>Gets how many frames (one sample per channel each) over-runs and suspends lost, over every subscription so far.</summary>
    public long LostFrames => Interlocked.Read(ref _lostFrames);

    /// <summary>
    /// Checks, before an agent starts, that the device exists and takes the configuration, by
    /// opening, configuring and closing it.
    /// </summary>
    /// <param name="options">The device and its format.</param>
    /// <returns>What is wrong and what to check, or <c>null</c> when the device opens.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    public static string? FindProblem(AlsaCaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            AlsaPcm.Open(options).Dispose();
            return null;
        }
        catch (AlsaException error)
        {
            return error.Message;
        }
    }

    /// <summary>Counts the frames an over-run (or a suspend) lost, and the over-run; returns the over-runs so far.</summary>
    internal long CountLoss(long lostFrames, bool overrun)
    {
        Interlocked.Add(ref _lostFrames, lostFrames);
        return overrun ? Interlocked.Increment(ref _overruns) : Overruns;
    }
}
