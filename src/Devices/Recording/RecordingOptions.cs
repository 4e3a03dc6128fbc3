using static System.FormattableString;

namespace Sensact.Devices.Recording;

/// <summary>
/// Settings of a recording, the <c>Recording</c> section: whether the agent records from its start,
/// where, which sensors, and the limits that keep it from filling the disk.
/// </summary>
public sealed class RecordingOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Recording";

    /// <summary>The smallest <see cref="MaxFileBytes"/> accepted: room for the summary and a few frames.</summary>
    public const long MinFileBytes = 64 * 1024;

    /// <summary>Gets or sets whether the agent records from its start (<c>record.start</c> starts it anyway).</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the folder the <c>.mcap</c> files go to, relative to the agent's folder unless absolute; created when missing.</summary>
    public string Directory { get; set; } = "recordings";

    /// <summary>Gets the sensors to record, by name; empty means every declared sensor.</summary>
    public List<string> Sensors { get; private set; } = [];

    /// <summary>Gets or sets the largest size of one file, summary included; a full file is closed and the next one opened.</summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Gets or sets the longest time one file is written to before the next one is opened.</summary>
    public TimeSpan MaxFileDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets the most bytes the recordings in <see cref="Directory"/> may take together; before a file is
    /// opened, the oldest recordings are deleted until it fits (at least <see cref="MaxFileBytes"/>).
    /// </summary>
    public long MaxTotalBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Copies the options, so that a recording keeps the values it was started with.</summary>
    /// <returns>A copy.</returns>
    public RecordingOptions Copy()
    {
        var copy = (RecordingOptions)MemberwiseClone();
        copy.Sensors = [.. Sensors];
        return copy;
    }

    /// <summary>Checks the values, naming each bad one by its key relative to the section.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            errors.Add("Directory must name the folder recordings go to (got an empty value).");
        }

        if (MaxFileBytes < MinFileBytes)
        {
            errors.Add(Invariant($"MaxFileBytes must be at least {MinFileBytes} (got {MaxFileBytes})."));
        }

        if (MaxFileDuration <= TimeSpan.Zero)
        {
            errors.Add(Invariant($"MaxFileDuration must be greater than 0 (got {MaxFileDuration})."));
        }

        if (MaxTotalBytes < MaxFileBytes)
        {
            errors.Add(Invariant($"MaxTotalBytes must be at least MaxFileBytes ({MaxFileBytes}) (got {MaxTotalBytes})."));
        }

        if (Sensors.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Sensors must name sensors (got an empty name).");
        }

        return errors;
    }
}
