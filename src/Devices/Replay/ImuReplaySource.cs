using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Replay;

/// <summary>
/// Replays IMU recordings (see <see cref="ImuCsv"/>: the STM32 layout or the generic
/// <c>t,ax,ay,az[,gx,gy,gz]</c>, told apart by each file's first line) as if a sensor were sensing
/// them now, in SI units, paced by the scene clock of a scheduler.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Frames"/> is cold: each subscription reads the recordings anew (a missing path or an
/// unreadable file ends that subscription with <c>OnError</c>) and then emits sample <c>i</c>, counted
/// across recordings and loops, at <c>subscribeTime + offset(i) / SpeedFactor</c> on the scheduler,
/// or as fast as possible (see <see cref="ReplayPacing"/>). <c>offset(i)</c> is <c>i / SampleRateHz</c>
/// for STM32 recordings and the file's own time for generic ones; each recording starts one sample
/// period (<c>1 / SampleRateHz</c>) after the last sample of the one before.
/// </para>
/// <para>
/// A looping replay reads its path again at the start of every pass, so recordings added meanwhile
/// are played and a path that has gone away fails the stream (and the hub reopens it with backoff);
/// a file whose size and time of last write have not changed is not parsed again.
/// </para>
/// <para>
/// A replay re-senses the data: a frame's <see cref="Frame{T}.OriginatingTime"/> is the scheduler's time
/// when the frame is emitted, not a time stored in the recording (the generic layout's times only pace
/// the replay), so latency
/// downstream is measured as for a live sensor. <see cref="Frame{T}.Sequence"/> counts from 0 across
/// recordings and loops.
/// </para>
/// </remarks>
public sealed class ImuReplaySource : ISensorSource<ImuSample>, ISampledSensor, IGroundTruth
{
    private readonly string _path;
    private readonly ReplayOptions _options;
    private readonly double _ticksPerSample;
    private readonly bool _loop;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ((long Length, DateTime Written) Stamp, ImuRecording Recording)> _parsed = new(StringComparer.Ordinal);
    private long _malformedLines;
    private ImuRecording? _current;

    /// <summary>Creates a replay; nothing is read until <see cref="Frames"/> is subscribed.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="options">What to replay and how fast; the values are copied now.</param>
    /// <param name="scheduler">
    /// The scene clock that paces the replay; <see cref="Scheduler.Default"/> when <c>null</c>.
    /// </param>
    /// <param name="logger">Where to report what is replayed and the malformed lines skipped.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="options"/> is not valid (see <see cref="ReplayOptions.Validate"/>).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is <c>null</c>.</exception>
    public ImuReplaySource(string id, ReplayOptions options, IScheduler? scheduler = null, ILogger<ImuReplaySource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"IMU replay options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        _path = options.Path;
        SampleRateHz = options.SampleRateHz;
        _options = options.Copy();
        _ticksPerSample = TimeSpan.TicksPerSecond / options.SampleRateHz;
        _loop = options.Loop;
        Id = id;
        _scheduler = scheduler ?? Scheduler.Default;
        _logger = logger ?? NullLogger<ImuReplaySource>.Instance;
        Frames = Observable.Create<Frame<ImuSample>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<ImuSample>> Frames { get; }

    /// <summary>Gets the rate the recordings were made at; frames' originating times follow it (scaled by the speed factor).</summary>
    public double SampleRateHz { get; }

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

    /// <summary>
    /// Checks, before an agent starts, that <paramref name="path"/> holds something to replay: a CSV
    /// file or a data-set folder with at least one well-formed sample.
    /// </summary>
    /// <param name="path">The replay's path.</param>
    /// <returns>Why nothing can be replayed, or <c>null</c> when there is something.</returns>
    public static string? FindProblem(string path)
    {
        try
        {
            var files = ImuReplayPlaylist.Files(path);
            if (files.Select(file => ImuCsv.ReadFile(file)).All(recording => recording.Samples.Count == 0))
            {
                return $"'{path}' holds no well-formed sample ('x, y, z' in milli-g, or 't,ax,ay,az[,gx,gy,gz]' after that header) in {files.Count} file(s).";
            }

            return null;
        }
        catch (Exception error) when (IsReadError(error))
        {
            return error.Message;
        }
    }

    private List<ImuRecording> Read()
    {
        var recordings = ImuReplayPlaylist.Files(_path).Select(ReadFile).ToList();
        Interlocked.Add(ref _malformedLines, recordings.Sum(recording => (long)recording.MalformedLines));
        return recordings;
    }

    // Parses a file again only when its size or time of last write changed since it was last read: a
    // looping replay lists its path at every pass (so added, changed and removed recordings count),
    // and a pass over unchanged files allocates nothing per sample.
    private ImuRecording ReadFile(string file)
    {
        var info = new FileInfo(file);
        var stamp = (info.Length, info.LastWriteTimeUtc);
        lock (_parsed)
        {
            if (_parsed.TryGetValue(file, out var known) && known.Stamp == stamp)
            {
                return known.Recording;
            }
        }

        var recording = ImuCsv.ReadFile(file, logger: _logger);
        lock (_parsed)
        {
            _parsed[file] = (stamp, recording);
        }

        return recording;
    }

    private IDisposable Subscribe(IObserver<Frame<ImuSample>> observer)
    {
        List<ImuRecording> recordings;
        try
        {
            recordings = Read();
        }
        catch (Exception error) when (IsReadError(error))
        {
            observer.OnError(error);
            return Disposable.Empty;
        }

        var total = recordings.Sum(recording => (long)recording.Samples.Count);
        _logger.LogInformation(
            "Replaying {Recordings} IMU recordings ({Samples} samples) from {Path} at {Rate} samples/s, loop {Loop}",
            recordings.Count, total, _path, _options.AsFastAsPossible ? "as fast as possible" : SampleRateHz * _options.SpeedFactor, _loop);
        if (total == 0)
        {
            // Looping over nothing would spin without ever emitting.
            observer.OnCompleted();
            return Disposable.Empty;
        }

        var recordingIndex = 0;
        var sampleIndex = -1;
        ImuRecording? playing = null;

        // Replay time of the current recording's first sample, in ticks (kept unrounded so that a
        // replay at a fixed rate keeps exactly the pace i / SampleRateHz across recordings).
        var recordingStart = 0.0;

        // Moves to the next sample, skipping empty recordings and reading the path again at the
        // start of every pass; false when the replay is over. Recordings follow one another one
        // sample period (1 / SampleRateHz) after the last sample of the one before.
        bool Advance()
        {
            sampleIndex++;
            while (sampleIndex >= recordings[recordingIndex].Samples.Count)
            {
                recordingStart += Duration(recordings[recordingIndex]);
                sampleIndex = 0;
                if (++recordingIndex == recordings.Count)
                {
                    if (!_loop)
                    {
                        return false;
                    }

                    recordingIndex = 0;
                    recordings = Read();
                    if (recordings.All(recording => recording.Samples.Count == 0))
                    {
                        throw new InvalidDataException($"IMU replay path '{_path}' holds no well-formed sample any more.");
                    }
                }
            }

            return true;
        }

        void StopPlaying() => Interlocked.CompareExchange(ref _current, null, playing);

        // ReplayPacing asks for frame i's offset after frame i - 1 was emitted (and the replay moved
        // on to frame i), so the offset is the current sample's.
        TimeSpan OffsetOfCurrent(long frame)
        {
            var times = recordings[recordingIndex].Times;
            var within = times is null ? sampleIndex * _ticksPerSample : times[sampleIndex].Ticks;
            return TimeSpan.FromTicks((long)Math.Round(recordingStart + within));
        }

        Advance();
        var emission = ReplayPacing.Run(_scheduler, _options, OffsetOfCurrent, (sequence, originatingTime) =>
        {
            var recording = recordings[recordingIndex];
            if (!ReferenceEquals(recording, playing))
            {
                playing = recording;
                Volatile.Write(ref _current, recording);
                _logger.LogDebug("Replaying {Recording} ({Label})", recording.Name, recording.Label);
            }

            observer.OnNext(new Frame<ImuSample>(recording.Samples[sampleIndex], originatingTime, Id, sequence));
            bool more;
            try
            {
                more = Advance();
            }
            catch (Exception error) when (IsReadError(error) || error is InvalidDataException)
            {
                StopPlaying();
                observer.OnError(error);
                return false;
            }

            if (!more)
            {
                StopPlaying();
                observer.OnCompleted();
            }

            return more;
        });

        return StableCompositeDisposable.Create(emission, Disposable.Create(StopPlaying));
    }

    // From a recording's first sample to the next recording's first sample, in ticks.
    private double Duration(ImuRecording recording) =>
        recording.Samples.Count == 0 ? 0
        : recording.Times is { } times ? times[^1].Ticks + _ticksPerSample
        : recording.Samples.Count * _ticksPerSample;

    private static bool IsReadError(Exception error) =>
        error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
