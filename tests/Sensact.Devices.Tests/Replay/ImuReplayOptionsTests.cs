using Sensact.Devices.Replay;

namespace Sensact.Devices.Tests.Replay;

public sealed class ImuReplayOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AreValid()
    {
        var options = new ImuReplayOptions();

        Assert.Equal(("data/imu/stm32-har", 26d, 1d, true, "imu0"),
            (options.Path, options.SampleRateHz, options.SpeedFactor, options.Loop, options.SourceId));
        Assert.Empty(options.Validate());
        Assert.Equal("Imu:Replay", ImuReplayOptions.SectionName);
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
    public void Validate_EmptyPathAndSourceId_OneMessagePerKey(string value)
    {
        var errors = new ImuReplayOptions { Path = value, SourceId = value }.Validate().ToList();

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Path must", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("SourceId must", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPath_IsValidUntilSubscribed() =>
        Assert.Empty(new ImuReplayOptions { Path = "no/such/folder" }.Validate());
}
