using System.Buffers.Binary;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Sensors;
using Sensact.Agent.Sensors.Replay;
using Sensact.Agent.Tests.Configuration;
using Sensact.Devices.Audio;
using Sensact.Devices.Sensors;

namespace Sensact.Agent.Tests.Sensors;

public sealed class WavReplayFormatTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sensact-tests", Guid.NewGuid().ToString("N"));

    public WavReplayFormatTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void ReplayFormats_WavPathAndFolder_AreWavBeforeTheCsvFallback()
    {
        var file = Write("a.wav", 16000, 16);

        Assert.Equal("wav", ReplayFormats.Of(file).Name);
        Assert.Equal("wav", ReplayFormats.Of(_folder).Name);
        Assert.Equal("wav", ReplayFormats.Of(Path.Combine(_folder, "missing.WAV")).Name);
        Assert.Equal("imu-csv", ReplayFormats.Of("data/imu/stm32-har").Name);
    }

    [Fact]
    public void ReplayDriver_WavFile_MakesAnAudioSensorAtTheResampledRate()
    {
        var file = Write("a.wav", 8000, 16);

        using var sensors = new AgentSensors(Configurations.Of("Sensors:mic:Driver=replay", $"Sensors:mic:Path={file}", "Sensors:mic:ResampleToHz=16000", "Sensors:mic:PeriodSamples=256"), NullLoggerFactory.Instance);

        Assert.Empty(sensors.Problems);
        var mic = sensors.Hub.Get<AudioChunk>("mic");
        Assert.Equal(16000, Assert.IsAssignableFrom<ISampledSensor>(mic.Source).SampleRateHz);
    }

    [Fact]
    public void ReplayDriver_24BitWav_IsRefusedNamingKeyAndFile()
    {
        var file = Write("deep.wav", 16000, 24);

        using var sensors = new AgentSensors(Configurations.Of("Sensors:mic:Driver=replay", $"Sensors:mic:Path={file}"), NullLoggerFactory.Instance);

        var problem = Assert.Single(sensors.Problems);
        Assert.StartsWith($"Sensors:mic:Path: WAV file '{file}' holds 24-bit PCM; only 16-bit PCM is read", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayDriver_BadPeriod_IsRefusedNamingTheKey()
    {
        var file = Write("a.wav", 16000, 16);

        using var sensors = new AgentSensors(Configurations.Of("Sensors:mic:Driver=replay", $"Sensors:mic:Path={file}", "Sensors:mic:PeriodSamples=0", "Sensors:mic:ResampleToHz=0"), NullLoggerFactory.Instance);

        Assert.Equal(
            ["Sensors:mic:PeriodSamples must be between 1 and 65536 (got 0).", "Sensors:mic:ResampleToHz must be between 1 and 384000 Hz, or left out to keep the files' rate (got 0)."],
            sensors.Problems);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, int rate, int bits)
    {
        var bytesPerSample = bits / 8;
        var data = new byte[rate / 10 * bytesPerSample];
        var bytes = new byte[44 + data.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * bytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), (short)bytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), (short)bits);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data.Length);
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
