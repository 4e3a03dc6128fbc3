using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Replay;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Recording;

/// <summary>
/// Replays one channel of an MCAP recording as the sensor it was recorded from: the same payloads,
/// sequence numbers and segments, with the same relative times, paced by <see cref="ReplayPacing"/>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Frames"/> is cold: each subscription opens the file and reads it as it plays (a file cut
/// by a crash plays up to its last whole message). Frame <c>i</c> is due at the recorded log time's
/// offset from the first message, divided by the speed factor. Paced, a frame's originating time is
/// the scheduler's time when it is emitted (the replay re-senses the data; at speed 1 on a virtual
/// clock the recorded times shifted to the start); as fast as possible, it is exactly the recorded
/// originating time.
/// </para>
/// <para>
/// Sequence numbers and segments are the recorded ones on the first pass (the source is an
/// <see cref="INumberedSource"/>: the shared sensor keeps them). Every further pass — a loop, or a
/// reopening after a failure — adds the recording's span of sequence numbers and of segments to
/// both, so numbers keep growing and no window joins two passes.
/// </para>
/// </remarks>
/// <typeparam name="T">The payload type, told by the channel's schema.</typeparam>
public sealed class McapReplaySource<T> : ISensorSource<T>, ISampledSensor, INumberedSource
{
    private readonly string _path;
    private readonly ReplayOptions _options;
    private readonly IFrameCodec<T> _codec;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly TimeSpan _passLength;
    private long _passes;
    private long _sequenceSpan;
    private int _segmentSpan;

    /// <summary>Creates a replay; reads the file's channels now, its messages when subscribed.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="options">The recording (<c>Path</c>), the channel (<c>Channel</c>, <paramref name="id"/> when not set) and the pace; copied now.</param>
    /// <param name="codec">How the channel's messages are decoded; its schema must be the channel's.</param>
    /// <param name="scheduler">The scene clock that paces the replay; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="logger">Where to report what is replayed.</param>
    /// <param name="summary">The file's summary when the caller has read it already (<see cref="McapSummary.Read"/>); read now when <c>null</c>.</param>
    /// <exception cref="ArgumentException">The options are not valid, the file has no such channel, or the channel's schema is not the codec's.</exception>
    /// <exception cref="InvalidDataException">The file is not an MCAP file or is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public McapReplaySource(string id, ReplayOptions options, IFrameCodec<T> codec, IScheduler? scheduler = null, ILogger<McapReplaySource<T>>? logger = null, McapSummary? summary = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(codec);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"MCAP replay options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        Id = id;
        _options = options.Copy();
        _path = options.Path;
        _codec = codec;
        _scheduler = scheduler ?? Scheduler.Default;
        _logger = logger ?? NullLogger<McapReplaySource<T>>.Instance;
        summary ??= McapSummary.Read(_path);
        var channel = summary.FindReplayable(options.Channel ?? id, out var problem) ?? throw new ArgumentException(problem, nameof(options));
        if (channel.Schema?.Name != codec.SchemaName)
        {
            throw new ArgumentException(
                $"Channel '{channel.Channel.Topic}' of '{_path}' has schema '{channel.Schema?.Name}', not {codec.SchemaName}.", nameof(codec));
        }

        Channel = channel.Channel.Topic;
        Messages = channel.Messages;
        var first = McapTime.ToTime(channel.FirstLogTime);
        var span = McapTime.ToTime(channel.LastLogTime) - first;
        var period = channel.Messages > 1 ? span / (channel.Messages - 1) : TimeSpan.Zero;
        _passLength = span + period;
        SampleRateHz = channel.Channel.Metadata.TryGetValue("sampleRateHz", out var rate)
            && double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var recorded) && recorded > 0
            ? recorded
            : period > TimeSpan.Zero ? 1 / period.TotalSeconds : options.SampleRateHz;
        Frames = Observable.Create<Frame<T>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<T>> Frames { get; }

    /// <summary>Gets the channel replayed (its topic).</summary>
    public string Channel { get; }

    /// <summary>Gets how many messages the channel has.</summary>
    public long Messages { get; }

    /// <summary>
    /// Gets the rate the channel was recorded at: the channel's <c>sampleRateHz</c> metadata, or the
    /// messages' mean rate, or <see cref="ReplayOptions.SampleRateHz"/> for a single message.
    /// </summary>
    public double SampleRateHz { get; }

    private IDisposable Subscribe(IObserver<Frame<T>> observer)
    {
        var pass = Interlocked.Increment(ref _passes) - 1;
        Player player;
        try
        {
            player = new Player(this, pass);
        }
        catch (Exception error) when (IsReadError(error))
        {
            observer.OnError(error);
            return Disposable.Empty;
        }

        _logger.LogInformation(
            "Replaying channel {Channel} ({Messages} messages) of {Path} at {Pace}, loop {Loop}",
            Channel, Messages, _path, _options.AsFastAsPossible ? "as fast as possible" : $"{_options.SpeedFactor}x", _options.Loop);
        if (!player.HasFrame)
        {
            player.Dispose();
            observer.OnCompleted();
            return Disposable.Empty;
        }

        var emission = ReplayPacing.Run(_scheduler, _options, player.OffsetOf, (_, originatingTime) =>
        {
            bool more;
            try
            {
                if (!player.TryTake(originatingTime, out var frame))
                {
                    return false;
                }

                observer.OnNext(frame);
                more = player.Advance();
            }
            catch (Exception error) when (IsReadError(error))
            {
                observer.OnError(error);
                return false;
            }

            if (!more)
            {
                observer.OnCompleted();
            }

            return more;
        }, player.Origin);
        return StableCompositeDisposable.Create(emission, player);
    }

    private static bool IsReadError(Exception error) =>
        error is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException;

    /// <summary>One subscription's walk through the file, one message ahead of the clock.</summary>
    private sealed class Player : IDisposable
    {
        private readonly McapReplaySource<T> _source;
        private readonly DateTimeOffset _recordedStart;
        private readonly Lock _gate = new();
        private bool _disposed;
        private McapReader _reader;
        private long _pass;
        private long _localPass;
        private Frame<T> _next;
        private bool _holding;
        private bool _first = true;
        private long _firstSequence;
        private long _lastSequence;
        private int _firstSegment;
        private int _lastSegment;

        public Player(McapReplaySource<T> source, long pass)
        {
            _source = source;
            _pass = pass;
            _reader = McapReader.Open(source._path);
            HasFrame = ReadNext();
            _recordedStart = _next.OriginatingTime;
            Origin = _recordedStart + (pass * source._passLength);
        }

        public bool HasFrame { get; }

        /// <summary>
        /// The originating time of this subscription's first frame as fast as possible: the recorded one
        /// on the source's first pass, shifted by whole passes after it so that times keep growing.
        /// </summary>
        public DateTimeOffset Origin { get; }

        /// <summary>The offset of the frame read ahead (the next to emit) from this subscription's first.</summary>
        public TimeSpan OffsetOf(long i) => _next.OriginatingTime - _recordedStart + (_localPass * _source._passLength);

        /// <summary>Hands the frame read ahead on, stamped; <c>false</c> once disposed (the frame was released).</summary>
        public bool TryTake(DateTimeOffset originatingTime, out Frame<T> frame)
        {
            lock (_gate)
            {
                frame = _next with { OriginatingTime = originatingTime };
                _holding = false;
                return !_disposed;
            }
        }

        /// <summary>Reads the next frame ahead; <c>false</c> at the end, or once disposed (possibly from within <c>OnNext</c>, or another thread).</summary>
        public bool Advance()
        {
            lock (_gate)
            {
                return !_disposed && AdvanceLocked();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                if (_holding && _next.Payload is Buffers.ISharedPayload shared)
                {
                    shared.Release();
                }

                _holding = false;
                _reader.Dispose();
            }
        }

        private bool AdvanceLocked()
        {
            if (ReadNext())
            {
                return true;
            }

            if (!_source._options.Loop)
            {
                return false;
            }

            _reader.Dispose();
            _reader = McapReader.Open(_source._path);
            _pass = Interlocked.Increment(ref _source._passes) - 1;
            _localPass++;
            return ReadNext();
        }

        private bool ReadNext()
        {
            while (_reader.TryReadMessage(out var message))
            {
                if (!_reader.Channels.TryGetValue(message.ChannelId, out var channel) || channel.Topic != _source.Channel)
                {
                    continue;
                }

                var frame = _source._codec.Read(message.Data.Span, _source.Id, McapTime.ToTime(message.LogTime));
                _next = _pass == 0 ? Track(frame) : frame with
                {
                    Sequence = frame.Sequence + (_pass * _source._sequenceSpan),
                    Segment = frame.Segment + (int)(_pass * _source._segmentSpan),
                };
                _holding = true;
                return true;
            }

            if (_pass == 0)
            {
                // The first pass taught the source the spans its numbers advance by at each further pass.
                _source._segmentSpan = _lastSegment - _firstSegment + 1;
                _source._sequenceSpan = _lastSequence - _firstSequence + 1;
            }

            return false;
        }

        private Frame<T> Track(Frame<T> frame)
        {
            if (_first)
            {
                _first = false;
                _firstSequence = frame.Sequence;
                _firstSegment = frame.Segment;
            }

            _lastSequence = Math.Max(_lastSequence, frame.Sequence);
            _lastSegment = Math.Max(_lastSegment, frame.Segment);
            return frame;
        }
    }
}
