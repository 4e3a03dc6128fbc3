using Sensact.Devices.Replay;

namespace Sensact.Devices.Tests.Replay;

public sealed class ImuReplayOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AreValid()
    {
        var options = new ImuReplayOptions();

        Assert.Equal(("data/imu/stm32-har", 26d, 1d, true),
            (options.Path, options.SampleRateHz, options.SpeedFactor, options.Loop));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_NegativeSpeedFactor_NamesKeyAndValue() =>
        Assert.Equal(["SpeedFactor must be greater than 0 (got -1)."], new ImuReplayOptions { SpeedFactor = -1 }.Validate());

    [Theory]
    [InlineData(0, "SampleRateHz must be greater than 0 (got 0).")]
    [InlineData(double.NaN, "SampleRateHz must be greater than 0 (got NaN).")]
    [InlineData(double.PositiveInfinity, "SampleRateHz must be a finite number (got Infinity).")]
    public void Validate_BadSampleRate_NamesKeyAndValue(double rate, string expected) =>
        Assert.Equal([expected], new ImuReplayOptions { SampleRateHz = rate }.Validate());

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmptyPath_NamesKey(string value)
    {
        var errors = new ImuReplayOptions { Path = value }.Validate().ToList();

        Assert.StartsWith("Path must", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPath_IsValidUntilSubscribed() =>
        Assert.Empty(new ImuReplayOptions { Path = "no/such/folder" }.Validate());
}
