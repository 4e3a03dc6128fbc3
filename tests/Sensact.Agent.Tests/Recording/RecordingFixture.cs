using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sensact.Agent.Recording;
using Sensact.Agent.Sensors;
using Sensact.Agent.Tests.Configuration;
using Sensact.Devices.Recording;

namespace Sensact.Agent.Tests.Recording;

/// <summary>Sensors from configuration and a recorder into a temporary folder, deleted on dispose.</summary>
internal sealed class RecordingFixture : IDisposable
{
    public const string Walking = "data/imu/stm32-har/walking/walking_01_26Hz_4g_mg.csv";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public RecordingFixture(IScheduler? recorderThread = null, params string[] sensorPairs)
    {
        Directory.CreateDirectory(Folder);
        Sensors = new AgentSensors(
            Configurations.Of(sensorPairs.Length > 0 ? sensorPairs : [.. ImuReplay("imu", Walking, asFastAsPossible: true)]),
            NullLoggerFactory.Instance);
        Assert.Empty(Sensors.Problems);
        Recorder = new AgentRecorder(new RecordingOptions { Directory = Folder }, Sensors, Time, NullLoggerFactory.Instance, recorderThread);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sensact-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = new(T0);

    public AgentSensors Sensors { get; }

    public AgentRecorder Recorder { get; }

    public static string[] ImuReplay(string name, string path, bool asFastAsPossible, bool loop = false) =>
    [
        $"Sensors:{name}:Driver=replay",
        $"Sensors:{name}:Path={path}",
        $"Sensors:{name}:AsFastAsPossible={asFastAsPossible}",
        $"Sensors:{name}:Loop={loop}",
    ];

    /// <summary>Waits, a minute at most, until the recorder has written <paramref name="frames"/> frames of <paramref name="sensor"/>.</summary>
    public async Task WaitForFramesAsync(string sensor, long frames)
    {
        for (var waited = 0; waited < 60_000 && Recorder.Status.Frames.GetValueOrDefault(sensor) < frames; waited += 20)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(frames, Recorder.Status.Frames.GetValueOrDefault(sensor));
    }

    public void Dispose()
    {
        Recorder.Dispose();
        Sensors.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
