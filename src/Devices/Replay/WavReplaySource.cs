using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Wav;
using Sensact.Devices.Buffers;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Replay;

/// <summary>
/// Replays WAV files (16-bit PCM, see <see cref="WavReader"/>) as if a microphone were capturing
/// them now: periods of <see cref="ReplayOptions.PeriodSamples"/> frames in pooled buffers, paced by
/// <see cref="ReplayPacing"/> on the scene clock, resampled to <see cref="ReplayOptions.ResampleToHz"/>
/// when it is set and differs from a file's rate.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Frames"/> is cold: each subscription lists the files (a WAV file, or every <c>*.wav</c>
/// of a folder by path) and checks their headers (a missing path, a file that is not 16-bit PCM, or a
/// rate or channel count that does not match ends it with <c>OnError</c> naming the file), then emits
/// period <c>i</c> at <c>start + i · PeriodSamples / rate</c> (divided by the speed factor), or as
/// fast as possible with those originating times. A period's originating time is the time of its
/// first frame. Files follow each other without a gap (a period may span two files); a looping
/// replay lists the path again at every pass; without a loop, the last period is completed with
/// silence and the stream completes.
/// </para>
/// <para>
/// The subscriber owns each emitted <see cref="AudioChunk"/> and releases it (the rule is on
/// <see cref="SharedBuffer{T}"/>). Nothing is allocated per period once the pool is warm.
/// </para>
/// </remarks>
public sealed class WavReplaySource : ISensorSource<AudioChunk>, ISampledSensor, IGroundTruth
{
    private readonly ReplayOptions _options;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly bool _resample;
    private readonly int _rate;
    private string? _label;

    /// <summary>Creates a replay; the first file's header is read now, its samples on subscription.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="options">What to replay and how fast; the values are copied now.</param>
    /// <param name="scheduler">The scene clock that paces the replay; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="logger">Where to report what is replayed.</param>
    /// <param name="pool">Where periods are rented; a pool of the source's own when <c>null</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="options"/> is not valid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="IOException">The path holds no WAV file, or the first one cannot be read or is not 16-bit PCM.</exception>
    public WavReplaySource(string id, ReplayOptions options, IScheduler? scheduler = null, ILogger<WavReplaySource>? logger = null, BufferPool<float>? pool = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"WAV replay options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        _options = options.Copy();
        var first = WavReader.ReadFormat(WavPlaylist.Files(options.Path)[0].File);
        _rate = options.ResampleToHz ?? first.SampleRate;
        _resample = options.ResampleToHz is not null;
        Channels = first.Channels;
        PeriodSamples = options.PeriodSamples;
        Id = id;
        Pool = pool ?? new BufferPool<float>(maxFreePerSize: 64);
        _scheduler = scheduler ?? Scheduler.Default;
        _logger = logger ?? NullLogger<WavReplaySource>.Instance;
        Frames = Observable.Create<Frame<AudioChunk>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<AudioChunk>> Frames { get; }

    /// <summary>Gets the rate the replay emits, in frames per second: <see cref="ReplayOptions.ResampleToHz"/>, or the files' own.</summary>
    public double SampleRateHz => _rate;

    /// <summary>Gets the interleaved channels of every period (the first file's).</summary>
    public int Channels { get; }

    /// <summary>Gets the frames in each period.</summary>
    public int PeriodSamples { get; }

    /// <summary>Gets the pool periods are rented from.</summary>
    public BufferPool<float> Pool { get; }

    /// <summary>
    /// Gets the label of the file now playing (the name of its folder below a replayed folder), or
    /// <c>null</c> when nothing plays or the file has none.
    /// </summary>
    public string? CurrentLabel => Volatile.Read(ref _label);

    /// <summary>Tells whether <paramref name="path"/> names a WAV file (<c>*.wav</c>) or a folder holding one.</summary>
    /// <param name="path">A replay's path, which may not exist.</param>
    /// <returns>Whether a WAV replay plays it.</returns>
    public static bool IsWavPath(string path) => WavPlaylist.IsWav(path);

    /// <summary>Checks, before an agent starts, that the options' path holds WAV files that can be replayed together.</summary>
    /// <param name="options">The replay's options.</param>
    /// <returns>Why nothing can be replayed, or <c>null</c> when there is something.</returns>
    public static string? FindProblem(ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var files = WavPlaylist.Files(options.Path);
            var first = WavReader.ReadFormat(files[0].File);
            var listed = WavPlayback.List(options.Path, options.ResampleToHz ?? first.SampleRate, first.Channels, options.ResampleToHz is not null);
            return listed.Sum(file => WavReader.ReadFormat(file.File).FrameCount) == 0
                ? $"'{options.Path}' holds no samples in {listed.Count} WAV file(s)."
                : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return error.Message;
        }
    }

    private IDisposable Subscribe(IObserver<Frame<AudioChunk>> observer)
    {
        WavPlayback playback;
        try
        {
            playback = new WavPlayback(_options.Path, _rate, Channels, _resample, _options.Loop);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            observer.OnError(error);
            return Disposable.Empty;
        }

        _logger.LogInformation(
            "Replaying WAV from {Path}: {Rate} Hz{Resampled}, {Channels} channel(s), {Period}-frame periods, {Pace}, loop {Loop}",
            _options.Path, _rate, _resample ? " (resampled)" : string.Empty, Channels, PeriodSamples,
            _options.AsFastAsPossible ? "as fast as possible" : $"speed {_options.SpeedFactor}", _options.Loop);
        var gate = new object();
        var stopped = false;
        var periodLength = PeriodSamples * Channels;
        var emission = ReplayPacing.Run(_scheduler, _options, ReplayPacing.FixedRate((double)_rate / PeriodSamples), (sequence, originatingTime) =>
        {
            lock (gate)
            {
                if (stopped)
                {
                    return false;
                }

                var buffer = Pool.Rent(periodLength);
                int frames;
                try
                {
                    frames = playback.Fill(buffer.Span);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    buffer.Release();
                    Stop();
                    observer.OnError(error);
                    return false;
                }

                Volatile.Write(ref _label, playback.Label);
                if (frames == 0)
                {
                    buffer.Release();
                    Stop();
                    observer.OnCompleted();
                    return false;
                }

                var full = frames == PeriodSamples;
                buffer.Span[(frames * Channels)..].Clear();
                observer.OnNext(new Frame<AudioChunk>(new AudioChunk(buffer, _rate, Channels), originatingTime, Id, sequence));
                if (!full)
                {
                    Stop();
                    observer.OnCompleted();
                }

                return full;
            }
        });

        void Stop()
        {
            stopped = true;
            playback.Dispose();
            Volatile.Write(ref _label, null);
        }

        return StableCompositeDisposable.Create(emission, Disposable.Create(() =>
        {
            lock (gate)
            {
                if (!stopped)
                {
                    Stop();
                }
            }
        }));
    }
}
