namespace Sensact.Devices.Imu;

/// <summary>An IMU recording read from a file.</summary>
/// <param name="Name">The recording's name (its file name without extension).</param>
/// <param name="Label">The activity the recording shows (the name of its folder), or <c>null</c> when unknown.</param>
/// <param name="Samples">The readings, in recorded order, in SI units.</param>
/// <param name="MalformedLines">How many lines could not be read and were skipped.</param>
/// <param name="Times">
/// Each reading's time from the first reading, when the file records times (the generic layout);
/// <c>null</c> when it does not (the STM32 layout: readings are at the replay's fixed rate).
/// </param>
public sealed record ImuRecording(string Name, string? Label, IReadOnlyList<ImuSample> Samples, int MalformedLines, IReadOnlyList<TimeSpan>? Times = null);
