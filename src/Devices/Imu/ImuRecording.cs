namespace Sensact.Devices.Imu;

/// <summary>An accelerometer recording read from a file.</summary>
/// <param name="Name">The recording's name (its file name without extension).</param>
/// <param name="Label">The activity the recording shows (the name of its folder), or <c>null</c> when unknown.</param>
/// <param name="Samples">The readings, in recorded order.</param>
/// <param name="MalformedLines">How many lines could not be read and were skipped.</param>
public sealed record ImuRecording(string Name, string? Label, IReadOnlyList<ImuSample> Samples, int MalformedLines);
