using Sensact.Devices.Audio.Alsa;

namespace Sensact.Devices.Tests.Audio.Alsa;

public sealed class AlsaCaptureOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new AlsaCaptureOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(("default", 16_000, 1, 512, 4), (options.Device, options.SampleRateHz, options.Channels, options.PeriodSamples, options.BufferPeriods));
        Assert.Equal(TimeSpan.FromMilliseconds(32), options.PeriodDuration);
    }

    [Theory]
    [InlineData(nameof(AlsaCaptureOptions.Device), "Device must name an ALSA capture device")]
    [InlineData(nameof(AlsaCaptureOptions.SampleRateHz), "SampleRateHz must be between 1 and 384000 (got 0).")]
    [InlineData(nameof(AlsaCaptureOptions.Channels), "Channels must be between 1 and 32 (got 0).")]
    [InlineData(nameof(AlsaCaptureOptions.PeriodSamples), "PeriodSamples must be between 16 and 65536 (got 0).")]
    [InlineData(nameof(AlsaCaptureOptions.BufferPeriods), "BufferPeriods must be between 2 and 64 (got 0).")]
    public void Validate_BadValue_NamesItsKey(string key, string message)
    {
        var options = new AlsaCaptureOptions();
        typeof(AlsaCaptureOptions).GetProperty(key)!.SetValue(options, key == nameof(AlsaCaptureOptions.Device) ? " " : 0);

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(message, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_IsIndependent()
    {
        var options = new AlsaCaptureOptions { Device = "hw:1,0" };

        var copy = options.Copy();
        options.Device = "hw:2,0";

        Assert.Equal("hw:1,0", copy.Device);
    }
}
