using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Apps;
using Sensact.Agent.Configuration;
using Sensact.Agent.Hosting;
using Sensact.Agent.Sensors;

namespace Sensact.Agent.Tests.Configuration;

/// <summary>Every configuration the project ships starts: the base and each overlay over it.</summary>
public sealed class ShippedConfigsTests
{
    public static TheoryData<string> Overlays() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "configs"), "*.json").Select(f => Path.GetFileName(f)!).Where(f => f != "sensact.json").Order(StringComparer.Ordinal)];

    [Fact]
    public void Base_PreparesTheDefaultApplicationOnTheImu()
    {
        using var sensors = new AgentSensors(Load(), NullLoggerFactory.Instance);
        using var apps = new AgentApps(Load(), sensors);

        var (app, options) = Assert.Single(apps.Apps);
        Assert.Equal(("activity", "activity", "imu"), (app.Name, app.Kind, options.Sensor));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_PassesTheCheckerAndPreparesEveryApplication(string overlay)
    {
        var configuration = Load(overlay);

        Assert.Empty(ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create()));
        using var sensors = new AgentSensors(configuration, NullLoggerFactory.Instance);
        try
        {
            using var apps = new AgentApps(configuration, sensors);
            Assert.Equal(configuration.GetSection(AgentApps.Section).GetChildren().Count(), apps.Apps.Count);
        }
        catch (AgentStartupException error) when (sensors.Problems.Count > 0)
        {
            // An overlay for hardware (configs/microphone-alsa.json, configs/camera-v4l2.json, configs/activity-mpu6050.json) cannot start where the device is
            // absent: a missing device, named by its key, is the only problem allowed.
            Assert.All(error.Problems, problem => Assert.Matches(@"^Sensors:[^:]+:(Device|Command|Bus|Address): ", problem));
        }
    }

    private static IConfiguration Load(string? overlay = null)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, AgentHost.DefaultConfigFile), optional: false)
            .AddInMemoryCollection([new("contentRoot", AppContext.BaseDirectory)]);
        if (overlay is not null)
        {
            builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "configs", overlay), optional: false);
        }

        return builder.Build();
    }
}
