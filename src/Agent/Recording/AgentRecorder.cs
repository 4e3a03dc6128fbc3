using System.Globalization;
using System.Reactive.Concurrency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensact.Agent.Hosting;
using Sensact.Agent.Sensors;
using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Camera;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;
using Sensact.Devices.Sensors;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Recording;

/// <summary>
/// Records sensors of the running agent to MCAP files (<see cref="McapRecorder"/>): from the start
/// when <c>Recording:Enabled</c>, and on <c>record.start</c> / <c>record.stop</c>.
/// </summary>
/// <remarks>
/// Each recorded sensor gets a consumer named <c>recorder</c> on the hub with a bounded delivery
/// policy (drop oldest; 4096 IMU frames, 256 audio chunks or 8 images waiting), delivering onto the
/// recorder's own thread, which encodes and writes: a recorder that falls behind drops and counts
/// frames (metric <c>sensact.sensor.dropped</c>, consumer <c>recorder</c>, and the log when the
/// recording stops), and never slows a sensor. Pooled payloads are released once written. A file
/// that cannot be written stops the recording with an error in the log; the agent keeps running.
/// </remarks>
internal sealed partial class AgentRecorder : IHostedService, IDisposable
{
    /// <summary>The name of the recorder's consumer on every recorded sensor.</summary>
    public const string ConsumerName = "recorder";

    private readonly Lock _gate = new();
    private readonly RecordingOptions _options;
    private readonly AgentSensors _sensors;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _logging;
    private readonly ILogger _logger;
    private readonly IScheduler _thread;
    private readonly EventLoopScheduler? _ownThread;
    private readonly Dictionary<string, ISensorConsumer> _consumers = new(StringComparer.OrdinalIgnoreCase);
    private Session? _session;
    private RecordingStatus? _last;

    public AgentRecorder(IOptions<RecordingOptions> options, AgentSensors sensors, TimeProvider time, ILoggerFactory logging)
        : this(options.Value, sensors, time, logging, null)
    {
    }

    /// <summary>Creates the recorder; <paramref name="thread"/> replaces its own thread in tests.</summary>
    internal AgentRecorder(RecordingOptions options, AgentSensors sensors, TimeProvider time, ILoggerFactory logging, IScheduler? thread)
    {
        _options = options.Copy();
        _options.Directory = ContentPaths.Resolve(options.Directory);
        _sensors = sensors;
        _time = time;
        _logging = logging;
        _logger = logging.CreateLogger<AgentRecorder>();
        _ownThread = thread is null ? new EventLoopScheduler(start => new Thread(start) { Name = "recorder", IsBackground = true }) : null;
        _thread = thread ?? _ownThread!;
    }

    /// <summary>Gets what is being recorded, or what the last recording wrote.</summary>
    public RecordingStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _session?.Status(recording: true) ?? _last ?? new RecordingStatus(false, _options.Directory, [], [], new Dictionary<string, long>(), new Dictionary<string, long>());
            }
        }
    }

    /// <summary>Starts recording <paramref name="sensors"/> (<c>Recording:Sensors</c>, or every recordable sensor, when empty).</summary>
    /// <exception cref="InvalidOperationException">A recording is running already.</exception>
    /// <exception cref="KeyNotFoundException">A named sensor is not in the agent.</exception>
    /// <exception cref="ArgumentException">A named sensor delivers a payload that cannot be recorded.</exception>
    /// <exception cref="IOException">The folder cannot be created or the first file not written.</exception>
    public RecordingStatus Start(IReadOnlyList<string>? sensors = null)
    {
        lock (_gate)
        {
            if (_session is not null)
            {
                throw new InvalidOperationException($"already recording to {_session.Recorder.CurrentFile}; send record.stop first");
            }

            var chosen = Choose(sensors is { Count: > 0 } ? sensors : _options.Sensors);
            if (chosen.Count == 0)
            {
                throw new ArgumentException("no sensor of this agent can be recorded (recordable payloads: ImuSample, AudioChunk, ImageFrame)");
            }

            var recorder = new McapRecorder(_options, _time, _logging.CreateLogger<McapRecorder>());
            recorder.OpenFile();
            var session = new Session(recorder, _options.Directory);
            _session = session;
            foreach (var sensor in chosen)
            {
                session.Subscriptions.Add(Subscribe(session, sensor));
            }

            LogStarted(string.Join(", ", session.Sensors), recorder.CurrentFile);
            return session.Status(recording: true);
        }
    }

    /// <summary>Stops recording and closes the file; reports what was written (nothing when not recording).</summary>
    public RecordingStatus Stop()
    {
        Session? session;
        lock (_gate)
        {
            session = _session;
            _session = null;
        }

        if (session is null)
        {
            return Status;
        }

        // Outside the lock: a frame being written holds it, and disposing waits for nothing of ours.
        session.Subscriptions.ForEach(subscription => subscription.Dispose());
        lock (_gate)
        {
            session.Recorder.Dispose();
            _last = session.Status(recording: false);
        }

        foreach (var sensor in session.Sensors)
        {
            LogSensorRecorded(sensor, _last.Frames.GetValueOrDefault(sensor), _last.Dropped.GetValueOrDefault(sensor));
        }

        LogStopped(string.Join(", ", _last.Files));
        return _last;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Enabled)
        {
            try
            {
                Start();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new AgentStartupException(
                    $"{RecordingOptions.Section}:Directory: cannot record to '{_options.Directory}': {error.Message} " +
                    "Check that the folder can be created and written by the agent's user.");
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Stop();
        _ownThread?.Dispose();
    }

    private static int CapacityOf(Type payload) =>
        payload == typeof(ImageFrame) ? 8 : payload == typeof(AudioChunk) ? 256 : 4096;

    private List<ISharedSensor> Choose(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            var all = _sensors.Hub.Sensors.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            foreach (var skipped in all.Where(s => !Recordable(s.PayloadType)))
            {
                LogNotRecordable(skipped.Name, skipped.PayloadType.Name);
            }

            return [.. all.Where(s => Recordable(s.PayloadType))];
        }

        var chosen = new List<ISharedSensor>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!_sensors.Hub.TryGet(name, out var sensor))
            {
                throw new KeyNotFoundException($"no sensor '{name}'; sensors: {string.Join(", ", _sensors.Hub.Sensors.Select(s => s.Name).Order(StringComparer.Ordinal))}");
            }

            if (!Recordable(sensor.PayloadType))
            {
                throw new ArgumentException($"sensor '{name}' delivers {sensor.PayloadType.Name} frames, which cannot be recorded (recordable: ImuSample, AudioChunk, ImageFrame)");
            }

            chosen.Add(sensor);
        }

        return chosen;
    }

    private static bool Recordable(Type payload) => payload == typeof(ImuSample) || payload == typeof(AudioChunk) || payload == typeof(ImageFrame);

    private IDisposable Subscribe(Session session, ISharedSensor sensor) => sensor switch
    {
        SharedSensor<ImuSample> imu => Subscribe(session, imu, FrameCodecs.Imu, null),
        SharedSensor<AudioChunk> audio => Subscribe(session, audio, FrameCodecs.Audio(), chunk => chunk.Release()),
        SharedSensor<ImageFrame> image => Subscribe(session, image, FrameCodecs.Image(), frame => frame.Release()),
        _ => throw new ArgumentException($"sensor '{sensor.Name}' delivers {sensor.PayloadType.Name} frames, which cannot be recorded"),
    };

    private IDisposable Subscribe<T>(Session session, SharedSensor<T> sensor, IFrameCodec<T> codec, Action<T>? release)
    {
        if (!_consumers.TryGetValue(sensor.Name, out var known))
        {
            // One consumer per sensor for the agent's life: a sensor's consumers are never removed.
            known = sensor.Consume(ConsumerName, DeliveryPolicy.DropOldest(CapacityOf(typeof(T))), _thread);
            _consumers.Add(sensor.Name, known);
        }

        var consumer = (SensorConsumer<T>)known;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["driver"] = _sensors.Drivers.GetValueOrDefault(sensor.Name, string.Empty),
        };
        if (sensor.Source is ISampledSensor sampled)
        {
            metadata["sampleRateHz"] = sampled.SampleRateHz.ToString("R", CultureInfo.InvariantCulture);
        }

        var channel = session.Recorder.AddChannel(sensor.Name, codec, metadata);
        session.Add(sensor.Name, () => channel.Written, consumer.Counter);
        return consumer.Frames.Subscribe(frame => Write(session, channel, frame, release));
    }

    private void Write<T>(Session session, RecordedChannel<T> channel, Frame<T> frame, Action<T>? release)
    {
        Exception? failure = null;
        lock (_gate)
        {
            try
            {
                if (ReferenceEquals(_session, session))
                {
                    session.Recorder.Write(channel, frame);
                }
            }
            catch (ArgumentOutOfRangeException error)
            {
                LogFrameSkipped(channel.Topic, frame.Sequence, error.Message);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                failure = error;
            }
            finally
            {
                release?.Invoke(frame.Payload);
            }
        }

        if (failure is not null)
        {
            LogWriteFailed(failure, session.Recorder.CurrentFile);
            Stop();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording sensors {Sensors} to {File}")]
    private partial void LogStarted(string sensors, string? file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording of {Sensor} stopped: {Frames} frames written, {Dropped} dropped by the recorder's delivery policy")]
    private partial void LogSensorRecorded(string sensor, long frames, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording stopped; files: {Files}")]
    private partial void LogStopped(string files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor} delivers {Payload} frames, which cannot be recorded; it is left out")]
    private partial void LogNotRecordable(string sensor, string payload);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Frame {Sequence} of {Sensor} not recorded: {Reason}")]
    private partial void LogFrameSkipped(string sensor, long sequence, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording to {File} failed; the recording is stopped")]
    private partial void LogWriteFailed(Exception exception, string? file);

    /// <summary>One recording, from start to stop.</summary>
    private sealed class Session(McapRecorder recorder, string directory)
    {
        private readonly List<(string Sensor, Func<long> Written, DropCounter Counter, long DroppedBefore)> _streams = [];

        public McapRecorder Recorder { get; } = recorder;

        public List<IDisposable> Subscriptions { get; } = [];

        public IEnumerable<string> Sensors => _streams.Select(s => s.Sensor);

        public void Add(string sensor, Func<long> written, DropCounter counter) => _streams.Add((sensor, written, counter, counter.Dropped));

        public RecordingStatus Status(bool recording) => new(
            recording,
            directory,
            [.. Sensors],
            [.. Recorder.Files],
            _streams.ToDictionary(s => s.Sensor, s => s.Written(), StringComparer.OrdinalIgnoreCase),
            _streams.ToDictionary(s => s.Sensor, s => s.Counter.Dropped - s.DroppedBefore, StringComparer.OrdinalIgnoreCase));
    }
}
