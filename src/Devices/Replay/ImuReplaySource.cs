using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Imu;

namespace Sensact.Devices.Replay;

/// <summary>
/// Replays accelerometer recordings (see <see cref="ImuCsv"/>) as if a sensor were sensing them now,
/// paced by the scene clock of a scheduler.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Frames"/> is cold: each subscription reads the recordings anew (a missing path or an
/// unreadable file ends that subscription with <c>OnError</c>) and then emits sample <c>i</c>, counted
/// across recordings and loops, at the absolute time <c>subscribeTime + i / (SampleRateHz * SpeedFactor)</c>
/// on the scheduler. Due times are computed from the start, never from the previous sample, so a late
/// callback delays one sample and the pace does not drift.
/// </para>
/// <para>
/// A replay re-senses the data: a frame's <see cref="Frame{T}.OriginatingTime"/> is the scheduler's time
/// when the frame is emitted, not a time stored in the recording (the CSV files hold none), so latency
/// downstream is measured as for a live sensor. <see cref="Frame{T}.Sequence"/> counts from 0 across
/// recordings and loops.
/// </para>
/// </remarks>
public sealed class ImuReplaySource : ISensorSource<ImuSample>
{
    private readonly string _path;
    private readonly double _samplesPerSecond;
    private readonly bool _loop;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private long _malformedLines;
    private ImuRecording? _current;

    /// <summary>Creates a replay; nothing is read until <see cref="Frames"/> is subscribed.</summary>
    /// <param name="options">What to replay and how fast; the values are copied now.</param>
    /// <param name="scheduler">
    /// The scene clock that paces the replay. The default is <see cref="DefaultScheduler.Instance"/>:
    /// a replay at tens of samples per second does not justify a dedicated thread on a small device,
    /// and since <see cref="ISensorSource{T}"/> is not disposable a source could not release one;
    /// absolute due times keep the pace exact even though thread-pool timers fire a little late.
    /// </param>
    /// <param name="logger">Where to report what is replayed and the malformed lines skipped.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not valid (see <see cref="ImuReplayOptions.Validate"/>).</exception>
    public ImuReplaySource(ImuReplayOptions options, IScheduler? scheduler = null, ILogger<ImuReplaySource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"IMU replay options ({ImuReplayOptions.SectionName}) are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        _path = options.Path;
        _samplesPerSecond = options.SampleRateHz * options.SpeedFactor;
        _loop = options.Loop;
        Id = options.SourceId;
        _scheduler = scheduler ?? DefaultScheduler.Instance;
        _logger = logger ?? NullLogger<ImuReplaySource>.Instance;
        Frames = Observable.Create<Frame<ImuSample>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<ImuSample>> Frames { get; }

    /// <summary>Gets how many malformed lines were skipped, over every subscription so far.</summary>
    public long MalformedLines => Interlocked.Read(ref _malformedLines);

    /// <summary>
    /// Gets the name of the recording now playing (its file name without extension), or <c>null</c>
    /// when nothing plays. With several subscriptions, the one that emitted last.
    /// </summary>
    public string? CurrentRecording => Volatile.Read(ref _current)?.Name;

    /// <summary>
    /// Gets the ground-truth label of the recording now playing (its activity folder's name), or
    /// <c>null</c> when nothing plays.
    /// </summary>
    public string? CurrentLabel => Volatile.Read(ref _current)?.Label;

    private IDisposable Subscribe(IObserver<Frame<ImuSample>> observer)
    {
        var start = _scheduler.Now;
        List<ImuRecording> recordings;
        try
        {
            recordings = ImuReplayPlaylist.Files(_path).Select(file => ImuCsv.ReadFile(file, logger: _logger)).ToList();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            observer.OnError(error);
            return Disposable.Empty;
        }

        Interlocked.Add(ref _malformedLines, recordings.Sum(recording => (long)recording.MalformedLines));
        var total = recordings.Sum(recording => (long)recording.Samples.Count);
        _logger.LogInformation(
            "Replaying {Recordings} IMU recordings ({Samples} samples) from {Path} at {Rate} samples/s, loop {Loop}",
            recordings.Count, total, _path, _samplesPerSecond, _loop);
        if (total == 0)
        {
            // Looping over nothing would spin without ever emitting.
            observer.OnCompleted();
            return Disposable.Empty;
        }

        var recordingIndex = 0;
        var sampleIndex = -1;
        ImuRecording? playing = null;

        // Moves to the next sample, skipping empty recordings; false when the replay is over.
        bool Advance()
        {
            sampleIndex++;
            while (sampleIndex >= recordings[recordingIndex].Samples.Count)
            {
                sampleIndex = 0;
                if (++recordingIndex == recordings.Count)
                {
                    if (!_loop)
                    {
                        return false;
                    }

                    recordingIndex = 0;
                }
            }

            return true;
        }

        void StopPlaying() => Interlocked.CompareExchange(ref _current, null, playing);

        Advance();
        var emission = _scheduler.Schedule(0L, start, (sequence, next) =>
        {
            var recording = recordings[recordingIndex];
            if (!ReferenceEquals(recording, playing))
            {
                playing = recording;
                Volatile.Write(ref _current, recording);
                _logger.LogDebug("Replaying {Recording} ({Label})", recording.Name, recording.Label);
            }

            observer.OnNext(new Frame<ImuSample>(recording.Samples[sampleIndex], _scheduler.Now, Id, sequence));
            if (Advance())
            {
                next(sequence + 1, DueTime(start, sequence + 1));
            }
            else
            {
                StopPlaying();
                observer.OnCompleted();
            }
        });

        return StableCompositeDisposable.Create(emission, Disposable.Create(StopPlaying));
    }

    private DateTimeOffset DueTime(DateTimeOffset start, long sequence) =>
        start + TimeSpan.FromTicks((long)Math.Round(sequence * (double)TimeSpan.TicksPerSecond / _samplesPerSecond));
}
