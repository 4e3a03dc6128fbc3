using Sensact.Devices.Replay;

namespace Sensact.Devices.Tests.Replay;

public sealed class ReplayOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AreValid()
    {
        var options = new ReplayOptions();

        Assert.Equal(("data/imu/stm32-har", 26d, 1d, true),
            (options.Path, options.SampleRateHz, options.SpeedFactor, options.Loop));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_NegativeSpeedFactor_NamesKeyAndValue() =>
        Assert.Equal(["SpeedFactor must be greater than 0 (got -1)."], new ReplayOptions { SpeedFactor = -1 }.Validate());

    [Theory]
    [InlineData(0, "SampleRateHz must be greater than 0 (got 0).")]
    [InlineData(double.NaN, "SampleRateHz must be greater than 0 (got NaN).")]
    [InlineData(double.PositiveInfinity, "SampleRateHz must be a finite number (got Infinity).")]
    public void Validate_BadSampleRate_NamesKeyAndValue(double rate, string expected) =>
        Assert.Equal([expected], new ReplayOptions { SampleRateHz = rate }.Validate());

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmptyPath_NamesKey(string value)
    {
        var errors = new ReplayOptions { Path = value }.Validate().ToList();

        Assert.StartsWith("Path must", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPath_IsValidUntilSubscribed() =>
        Assert.Empty(new ReplayOptions { Path = "no/such/folder" }.Validate());
}
