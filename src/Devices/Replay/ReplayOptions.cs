using Sensact.Devices.Sensors;
using static System.FormattableString;

namespace Sensact.Devices.Replay;

/// <summary>
/// Settings of a replay source: the <c>replay</c> driver's keys, <c>Sensors:{name}:Path</c>,
/// <c>SampleRateHz</c>, <c>SpeedFactor</c>, <c>AsFastAsPossible</c>, <c>Loop</c> and <c>Channel</c>, shared by every
/// recording format (the format is told by the path).
/// </summary>
public sealed class ReplayOptions : SensorOptions
{
    /// <summary>The longest audio period a WAV replay emits, in frames (about 4 s at 16 kHz).</summary>
    public const int MaxPeriodSamples = 65536;

    /// <summary>The highest rate a WAV replay resamples to, in hertz.</summary>
    public const int MaxSampleRateHz = 384_000;

    /// <summary>
    /// Gets or sets what to replay: one CSV file, a data-set folder with one sub-folder per activity
    /// (<c>walking/*.csv</c>, <c>running/*.csv</c>, ...), a <c>*.wav</c> file or a folder of them,
    /// images, or an MCAP recording (<c>*.mcap</c>).
    /// </summary>
    public string Path { get; set; } = "data/imu/stm32-har";

    /// <summary>
    /// Gets or sets the rate the IMU recordings were made at, in samples per second (recordings with their
    /// own times, the generic IMU CSV layout, play at those; this rate then spaces two recordings; a WAV
    /// file says its own; for images, frames per second).
    /// </summary>
    public double SampleRateHz { get; set; } = 26;

    /// <summary>Gets or sets how much faster than real time to replay (2 = twice as fast).</summary>
    public double SpeedFactor { get; set; } = 1.0;

    /// <summary>
    /// Gets or sets whether to replay as fast as the consumers take frames, ignoring
    /// <see cref="SpeedFactor"/>; frames then carry the recording's own times (see <see cref="ReplayPacing"/>).
    /// </summary>
    public bool AsFastAsPossible { get; set; }

    /// <summary>Gets or sets whether to start again from the first recording after the last one.</summary>
    public bool Loop { get; set; } = true;

    /// <summary>
    /// Gets or sets which channel (topic) of an MCAP recording to replay; the sensor's own name when
    /// not set. Formats with one stream ignore it.
    /// </summary>
    public string? Channel { get; set; }

    /// <summary>
    /// Gets or sets the frames (samples per channel) in each audio period a WAV replay emits;
    /// 512 is 32 ms at 16 kHz. Not used by IMU replays.
    /// </summary>
    public int PeriodSamples { get; set; } = 512;

    /// <summary>
    /// Gets or sets the rate a WAV replay emits, in hertz: files at another rate are resampled to it.
    /// <c>null</c> emits the files' own rate (every file must then have the same). Not used by IMU replays.
    /// </summary>
    public int? ResampleToHz { get; set; }

    /// <summary>Copies the options, so that a source keeps the values it was created with.</summary>
    /// <returns>A copy.</returns>
    public ReplayOptions Copy() => (ReplayOptions)MemberwiseClone();

    /// <summary>Checks the values, naming each bad one by its key.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            errors.Add("Path must name a CSV file, a data-set folder, a WAV file or folder, images or an MCAP recording (got an empty value).");
        }

        if (Channel is not null && string.IsNullOrWhiteSpace(Channel))
        {
            errors.Add("Channel must name a channel of the recording, or be left out for the sensor's own name (got an empty value).");
        }

        CheckPositiveFinite(errors, nameof(SampleRateHz), SampleRateHz);
        CheckPositiveFinite(errors, nameof(SpeedFactor), SpeedFactor);
        if (PeriodSamples is < 1 or > MaxPeriodSamples)
        {
            errors.Add(Invariant($"{nameof(PeriodSamples)} must be between 1 and {MaxPeriodSamples} (got {PeriodSamples})."));
        }

        if (ResampleToHz is { } rate && rate is < 1 or > MaxSampleRateHz)
        {
            errors.Add(Invariant($"{nameof(ResampleToHz)} must be between 1 and {MaxSampleRateHz} Hz, or left out to keep the files' rate (got {rate})."));
        }

        return errors;
    }

    private static void CheckPositiveFinite(List<string> errors, string key, double value)
    {
        if (!(value > 0))
        {
            errors.Add(Invariant($"{key} must be greater than 0 (got {value})."));
        }
        else if (double.IsInfinity(value))
        {
            errors.Add(Invariant($"{key} must be a finite number (got {value})."));
        }
    }
}
