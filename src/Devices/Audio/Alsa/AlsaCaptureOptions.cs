using Sensact.Devices.Sensors;

namespace Sensact.Devices.Audio.Alsa;

/// <summary>
/// Settings of a microphone captured through ALSA: the <c>alsa</c> driver's keys,
/// <c>Sensors:{name}:Device</c>, <c>SampleRateHz</c>, <c>Channels</c>, <c>PeriodSamples</c> and
/// <c>BufferPeriods</c>.
/// </summary>
public sealed class AlsaCaptureOptions : SensorOptions
{
    /// <summary>The largest sample rate accepted, in hertz.</summary>
    public const int MaxSampleRateHz = 384_000;

    /// <summary>The most channels accepted.</summary>
    public const int MaxChannels = 32;

    /// <summary>The longest period accepted, in frames.</summary>
    public const int MaxPeriodSamples = 1 << 16;

    /// <summary>
    /// Gets or sets the ALSA capture device: <c>default</c>, <c>hw:1,0</c> (card 1, device 0, as the
    /// hardware delivers), <c>plughw:1,0</c> (the same with rate, format and channel conversion) or
    /// any PCM defined in the ALSA configuration.
    /// </summary>
    public string Device { get; set; } = "default";

    /// <summary>Gets or sets the sample rate, in samples per second per channel.</summary>
    public int SampleRateHz { get; set; } = 16_000;

    /// <summary>Gets or sets the number of channels; samples of several channels are interleaved in each chunk.</summary>
    public int Channels { get; set; } = 1;

    /// <summary>
    /// Gets or sets the length of one chunk in frames (one sample per channel each): 512 at 16 kHz is
    /// 32 ms. The device is asked for periods of this size too.
    /// </summary>
    public int PeriodSamples { get; set; } = 512;

    /// <summary>
    /// Gets or sets the device's ring buffer, in periods: how long the capture thread may be late
    /// before the device over-runs (4 periods of 32 ms = 128 ms).
    /// </summary>
    public int BufferPeriods { get; set; } = 4;

    /// <summary>Gets the duration of one chunk (not a key: internal, so the configuration checker refuses it).</summary>
    internal TimeSpan PeriodDuration => TimeSpan.FromSeconds((double)PeriodSamples / SampleRateHz);

    /// <summary>Copies the options, so that a source keeps the values it was created with.</summary>
    /// <returns>A copy.</returns>
    public AlsaCaptureOptions Copy() => (AlsaCaptureOptions)MemberwiseClone();

    /// <summary>Checks the values, naming each bad one by its key.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Device))
        {
            errors.Add("Device must name an ALSA capture device such as `default`, `hw:1,0` or `plughw:1,0` (got an empty value).");
        }

        CheckRange(errors, nameof(SampleRateHz), SampleRateHz, 1, MaxSampleRateHz);
        CheckRange(errors, nameof(Channels), Channels, 1, MaxChannels);
        CheckRange(errors, nameof(PeriodSamples), PeriodSamples, 16, MaxPeriodSamples);
        CheckRange(errors, nameof(BufferPeriods), BufferPeriods, 2, 64);
        return errors;
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max} (got {value}).");
        }
    }
}
