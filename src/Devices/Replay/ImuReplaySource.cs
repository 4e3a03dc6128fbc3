using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Replay;

/// <summary>
/// Replays accelerometer recordings (see <see cref="ImuCsv"/>) as if a sensor were sensing them now,
/// paced by the scene clock of a scheduler.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Frames"/> is cold: each subscription reads the recordings anew (a missing path or an
/// unreadable file ends that subscription with <c>OnError</c>) and then emits sample <c>i</c>, counted
/// across recordings and loops, at <c>subscribeTime + i / (SampleRateHz * SpeedFactor)</c> on the
/// scheduler, or as fast as possible (see <see cref="ReplayPacing"/>).
/// </para>
/// <para>
/// A looping replay reads its path again at the start of every pass, so recordings added meanwhile
/// are played and a path that has gone away fails the stream (and the hub reopens it with backoff).
/// </para>
/// <para>
/// A replay re-senses the data: a frame's <see cref="Frame{T}.OriginatingTime"/> is the scheduler's time
/// when the frame is emitted, not a time stored in the recording (the CSV files hold none), so latency
/// downstream is measured as for a live sensor. <see cref="Frame{T}.Sequence"/> counts from 0 across
/// recordings and loops.
/// </para>
/// </remarks>
public sealed class ImuReplaySource : ISensorSource<ImuSample>, ISampledSensor, IGroundTruth
{
    private readonly string _path;
    private readonly ReplayOptions _options;
    private readonly Func<long, TimeSpan> _offsetOf;
    private readonly bool _loop;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
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
        _offsetOf = ReplayPacing.FixedRate(options.SampleRateHz);
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
                return $"'{path}' holds no well-formed sample ('x, y, z' in milli-g) in {files.Count} file(s).";
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
        var recordings = ImuReplayPlaylist.Files(_path).Select(file => ImuCsv.ReadFile(file, logger: _logger)).ToList();
        Interlocked.Add(ref _malformedLines, recordings.Sum(recording => (long)recording.MalformedLines));
        return recordings;
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

        // Moves to the next sample, skipping empty recordings and reading the path again at the
        // start of every pass; false when the replay is over.
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

        Advance();
        var emission = ReplayPacing.Run(_scheduler, _options, _offsetOf, (sequence, originatingTime) =>
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

    private static bool IsReadError(Exception error) =>
        error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
