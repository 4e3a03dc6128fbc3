namespace Sensact.Agent.Recording;

/// <summary>What a recording is doing or did, for command replies and the log.</summary>
/// <param name="Recording">Whether the agent is recording now.</param>
/// <param name="Directory">Where the files go.</param>
/// <param name="Sensors">The sensors recorded.</param>
/// <param name="Files">The recording's files that still exist, oldest first.</param>
/// <param name="Frames">Frames written, by sensor.</param>
/// <param name="Dropped">Frames the recorder's delivery policy dropped, by sensor (the recorder fell behind).</param>
internal sealed record RecordingStatus(
    bool Recording,
    string Directory,
    IReadOnlyList<string> Sensors,
    IReadOnlyList<string> Files,
    IReadOnlyDictionary<string, long> Frames,
    IReadOnlyDictionary<string, long> Dropped);
