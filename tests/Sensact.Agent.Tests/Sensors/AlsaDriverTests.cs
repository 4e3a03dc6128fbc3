using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Configuration;
using Sensact.Agent.Sensors;
using Sensact.Devices.Audio;
using Sensact.Devices.Audio.Alsa;
using Sensact.Pipelines.Delivery;

namespace Sensact.Agent.Tests.Sensors;

/// <summary>
/// The <c>alsa</c> driver in the agent: its keys, its checks at start, and a shared sensor over ALSA's
/// <c>null</c> device (which every libasound installation has). Tests that open a device are skipped
/// where libasound is not installed.
/// </summary>
public sealed class AlsaDriverTests
{
    private static readonly bool HasAlsa = NativeLibrary.TryLoad("libasound.so.2", out _);

    [Fact]
    public void All_KnowsTheAlsaDriver() =>
        Assert.Equal(typeof(AlsaCaptureOptions), SensorDrivers.All["alsa"].OptionsType);

    [Fact]
    public void Sensors_MissingDevice_StopTheStartNamingTheKeyTheDeviceAndWhatToCheck()
    {
        Assert.SkipUnless(HasAlsa, "libasound.so.2 is not installed (apt-get install libasound2); .ci/run installs it.");

        using var sensors = new AgentSensors(Configuration(("Device", "sensact_no_such_device")), NullLoggerFactory.Instance);

        var problem = Assert.Single(sensors.Problems);
        Assert.StartsWith("Sensors:mic:Device: ALSA capture device 'sensact_no_such_device' does not exist", problem, StringComparison.Ordinal);
        Assert.Contains("arecord -l", problem, StringComparison.Ordinal);
        Assert.Empty(sensors.Hub.Sensors);
    }

    [Fact]
    public void Sensors_BadValues_AreNamedByTheirKeysWithoutOpeningTheDevice()
    {
        using var sensors = new AgentSensors(Configuration(("SampleRateHz", "0"), ("Channels", "99")), NullLoggerFactory.Instance);

        Assert.Equal(
            ["Sensors:mic:SampleRateHz must be between 1 and 384000 (got 0).", "Sensors:mic:Channels must be between 1 and 32 (got 99)."],
            sensors.Problems);
    }

    [Fact]
    public void Checker_KnowsTheAlsaKeys_AndRefusesOthers()
    {
        var configuration = Configuration(("Device", "plughw:1,0"), ("PeriodSamples", "256"), ("BufferPeriods", "8"), ("PeriodDuration", "00:00:01"));

        var problem = Assert.Single(ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create()));

        Assert.StartsWith("Sensors:mic:PeriodDuration: unknown key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensor_OnTheNullDevice_DeliversChunksToAConsumer()
    {
        Assert.SkipUnless(HasAlsa, "libasound.so.2 is not installed (apt-get install libasound2); .ci/run installs it.");
        using var sensors = new AgentSensors(Configuration(("Device", "null"), ("PeriodSamples", "256")), NullLoggerFactory.Instance);
        Assert.Empty(sensors.Problems);
        var sensor = sensors.Hub.Get<AudioChunk>("mic");

        var frames = await sensor.Consume("app", DeliveryPolicy.DropOldest(16)).Frames
            .Take(10)
            .Select(frame =>
            {
                var chunk = (frame.Payload.FrameCount, frame.Payload.SampleRate, Silent: frame.Payload.Samples.Span.IndexOfAnyExcept(0f) < 0);
                frame.Payload.Release();
                return (chunk, frame.Sequence);
            })
            .ToList()
            .ToTask()
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.All(frames, frame => Assert.Equal((256, 16_000, true), frame.chunk));
        // The null device delivers as fast as it is read, so the consumer's policy drops some:
        // numbered by the hub, in order.
        Assert.Equal(frames.Select(frame => frame.Sequence).Order(), frames.Select(frame => frame.Sequence));
        Assert.Equal(10, frames.Select(frame => frame.Sequence).Distinct().Count());
        Assert.Equal(typeof(AlsaCaptureSource), sensor.Source.GetType());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] keys) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection([new("Sensors:mic:Driver", "alsa"), .. keys.Select(k => new KeyValuePair<string, string?>($"Sensors:mic:{k.Key}", k.Value))])
            .Build();
}
