using Sensact.Agent.Configuration;
using Sensact.Agent.Recording;
using Sensact.Agent.Tests.Configuration;
using Sensact.Devices.Recording;

namespace Sensact.Agent.Tests.Recording;

public sealed class RecordingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new RecordingOptionsValidator(Configurations.Of()).Validate(null, new RecordingOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_BadLimitsAndUndeclaredSensor_NamesEveryKey()
    {
        var options = new RecordingOptions { MaxFileBytes = 1000, MaxFileDuration = TimeSpan.Zero, MaxTotalBytes = 10, Directory = "" };
        options.Sensors.Add("camera");

        var result = new RecordingOptionsValidator(Configurations.Of("Sensors:imu:Driver=replay")).Validate(null, options);

        Assert.Equal(
            [
                "Recording:Directory must name the folder recordings go to (got an empty value).",
                "Recording:MaxFileBytes must be at least 65536 (got 1000).",
                "Recording:MaxFileDuration must be greater than 0 (got 00:00:00).",
                "Recording:MaxTotalBytes must be at least MaxFileBytes (1000) (got 10).",
                "Recording:Sensors: 'camera' is not declared in the Sensors section (declared: imu).",
            ],
            result.Failures);
    }

    [Fact]
    public void Check_RecordingSection_KnownKeysPassAndAMisspelledOneIsRefused()
    {
        var configuration = Configurations.Of(
            "Recording:Enabled=true",
            "Recording:Directory=rec",
            "Recording:Sensors:0=imu",
            "Recording:MaxFileBytes=1000000",
            "Recording:MaxFileDuration=00:05:00",
            "Recording:MaxTotalBytes=100000000",
            "Recording:MaxFileSize=1");

        var problems = ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create());

        var problem = Assert.Single(problems);
        Assert.StartsWith("Recording:MaxFileSize", problem, StringComparison.Ordinal);
    }
}
