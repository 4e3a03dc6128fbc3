using System.Buffers.Binary;
using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using Sensact.Benchmarks.Sensors;
using Sensact.Devices.Replay;

namespace Sensact.Benchmarks.Replay;

/// <summary>
/// A WAV replay as fast as possible on one thread: one operation replays a whole minute of audio
/// (1875 periods of 512 frames at 16 kHz), releasing each period, from a file at 16 kHz (no
/// resampling) or at 44.1 / 48 kHz (resampled to 16 kHz). Real-time factor = 60 s / time per
/// operation; bytes per period = allocated per operation / 1875 (the subscription's own set-up
/// included).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class WavReplayBenchmarks
{
    /// <summary>Periods in one operation.</summary>
    public const int Periods = 1875;

    private string _folder = string.Empty;
    private WavReplaySource? _source;
    private long _checksum;

    /// <summary>The file's rate; 16000 is played as is, the others are resampled to 16 kHz.</summary>
    [Params(16000, 44100, 48000)]
    public int FileRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"sensact-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "minute.wav");
        File.WriteAllBytes(path, Minute(FileRate));
        _source = new WavReplaySource("mic", new ReplayOptions { Path = path, ResampleToHz = 16000, AsFastAsPossible = true, Loop = false }, CurrentThreadScheduler.Instance);
        ReplayMinute();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Replays the minute; the trampoline runs the whole replay inside Subscribe.</summary>
    [Benchmark]
    public long ReplayMinute()
    {
        long periods = 0;
        using (_source!.Frames.Subscribe(frame =>
        {
            _checksum += (long)(frame.Payload.Samples.Span[0] * 1000);
            frame.Payload.Release();
            periods++;
        }))
        {
        }

        return periods == Periods ? _checksum : throw new InvalidOperationException($"{periods} periods instead of {Periods}.");
    }

    private static byte[] Minute(int rate)
    {
        var frames = rate * 60;
        var bytes = new byte[44 + (frames * 2)];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), frames * 2);
        for (var i = 0; i < frames; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (2 * i)), (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }

        return bytes;
    }
}
