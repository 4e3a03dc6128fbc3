using System.Numerics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BenchmarkDotNet.Attributes;
using Sensact.Benchmarks.Sensors;
using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Imu;
using Sensact.Devices.Recording;
using Sensact.Devices.Replay;

namespace Sensact.Benchmarks.Recording;

/// <summary>
/// MCAP recording on one thread, as the agent's recorder writes: <see cref="McapRecorder.Write{T}"/>
/// (encode, Message record, buffered file writes, the limit checks, the clock) of IMU frames and of
/// 512-sample audio chunks (16 kHz mono, 32 ms each) into a temporary folder; and reading IMU frames
/// back (<see cref="McapReader"/> and the codec, what a replay does per frame); the baseline is the
/// IMU CSV replay as fast as possible, in the same run. One operation is
/// <see cref="ImuFrames"/> IMU frames or <see cref="AudioChunks"/> chunks; times are per frame or chunk.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup] and needs an unsealed class.
public class McapRecordingBenchmarks
#pragma warning restore CA1001
{
    /// <summary>IMU frames per invocation.</summary>
    public const int ImuFrames = 100_000;

    /// <summary>Audio chunks per invocation (10.24 s of 16 kHz audio).</summary>
    public const int AudioChunks = 320;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sensact-bench-mcap", Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private Frame<ImuSample>[] _imu = [];
    private Frame<AudioChunk> _chunk;
    private McapRecorder? _recorder;
    private RecordedChannel<ImuSample>? _imuChannel;
    private RecordedChannel<AudioChunk>? _audioChannel;
    private string _readBack = string.Empty;
    private ImuReplaySource? _replay;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        _imu = [.. Enumerable.Range(0, 1024).Select(i => new Frame<ImuSample>(
            new ImuSample(new Vector3(i, -i, 1000), i % 2 == 0 ? new Vector3(0.1f, 0.2f, 0.3f) : null), _t0, "imu", i))];
        var samples = new BufferPool<float>().Rent(512);
        for (var i = 0; i < samples.Length; i++)
        {
            samples.Span[i] = MathF.Sin(i * 0.1f);
        }

        _chunk = new Frame<AudioChunk>(new AudioChunk(samples, 16_000), _t0, "mic", 0);
        _recorder = new McapRecorder(new RecordingOptions
        {
            Directory = _folder,
            MaxFileBytes = 256L * 1024 * 1024,
            MaxTotalBytes = 768L * 1024 * 1024,
            MaxFileDuration = TimeSpan.FromHours(1),
        });
        _imuChannel = _recorder.AddChannel("imu", FrameCodecs.Imu);
        _audioChannel = _recorder.AddChannel("mic", FrameCodecs.Audio());

        _replay = new ImuReplaySource(
            "imu",
            new ReplayOptions { Path = Path.Combine(AppContext.BaseDirectory, "data", "imu", "walking_01_26Hz_4g_mg.csv"), AsFastAsPossible = true, Loop = true },
            CurrentThreadScheduler.Instance);

        // A file of ImuFrames frames to read back.
        _readBack = Path.Combine(_folder, "read-back.mcap");
        using var recorder = new McapRecorder(new RecordingOptions { Directory = Path.Combine(_folder, "read") });
        var channel = recorder.AddChannel("imu", FrameCodecs.Imu);
        for (var i = 0; i < ImuFrames; i++)
        {
            recorder.Write(channel, _imu[i % _imu.Length] with { Sequence = i, OriginatingTime = _t0.AddTicks(i * 10_000L) });
        }

        recorder.CloseFile();
        File.Move(recorder.Files[0], _readBack);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _recorder?.Dispose();
        _chunk.Payload.Release();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ImuFrames, Description = "replay IMU frame as fast as possible")]
    public long ReplayImu()
    {
        // The IMU replay's own speed (the target recording must keep up with): the STM32 walking CSV,
        // looping (read again at every pass, as the replay does), on the current thread.
        var sum = 0L;
        using var subscription = _replay!.Frames.Take(ImuFrames).Subscribe(frame => sum += frame.Sequence);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ImuFrames, Description = "record IMU frame")]
    public void RecordImu()
    {
        var frames = _imu;
        for (var i = 0; i < ImuFrames; i++)
        {
            var t = _sequence++;
            _recorder!.Write(_imuChannel!, frames[i & 1023] with { Sequence = t, OriginatingTime = _t0.AddTicks(t * 10_000L) });
        }
    }

    [Benchmark(OperationsPerInvoke = AudioChunks, Description = "record 32 ms audio chunk")]
    public void RecordAudio()
    {
        for (var i = 0; i < AudioChunks; i++)
        {
            var t = _sequence++;
            _recorder!.Write(_audioChannel!, _chunk with { Sequence = t, OriginatingTime = _t0.AddTicks(t * 320_000L) });
        }
    }

    [Benchmark(OperationsPerInvoke = ImuFrames, Description = "read IMU frame back")]
    public long ReadImu()
    {
        using var reader = McapReader.Open(_readBack);
        var sum = 0L;
        while (reader.TryReadMessage(out var message))
        {
            sum += FrameCodecs.Imu.Read(message.Data.Span, "imu", McapTime.ToTime(message.LogTime)).Sequence;
        }

        return sum;
    }
}
