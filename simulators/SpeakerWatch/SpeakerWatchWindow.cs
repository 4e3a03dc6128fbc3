namespace Sensact.Simulators.SpeakerWatch;

/// <summary>One 1 s window of the <c>speaker-watch</c> scene and its ground truth.</summary>
/// <param name="Index">The window's number since the scene epoch.</param>
/// <param name="Start">When it starts (scene time); it lasts <see cref="SpeakerWatchScript.WindowLength"/>.</param>
/// <param name="Speaking">Whether the audio holds speech (a spoken word) rather than noise or silence.</param>
/// <param name="FaceInView">Whether the face is in the camera's view for the whole window.</param>
/// <param name="Clip">The clip heard: <c>yes_1000ms</c>, <c>no_1000ms</c>, <c>noise_1000ms</c> or <c>silence_1000ms</c>.</param>
/// <param name="Gain">The clip's gain, 0.4–1.</param>
public readonly record struct SpeakerWatchWindow(long Index, DateTimeOffset Start, bool Speaking, bool FaceInView, string Clip, float Gain)
{
    /// <summary>Gets whether a person is speaking in view: the question the speaker-watch application answers.</summary>
    public bool SpeakingInView => Speaking && FaceInView;

    /// <summary>Gets the window's label: <c>speaking-in-view</c>, <c>speaking-out-of-view</c>, <c>silent-in-view</c> or <c>silent-out-of-view</c>.</summary>
    public string Label => (Speaking, FaceInView) switch
    {
        (true, true) => "speaking-in-view",
        (true, false) => "speaking-out-of-view",
        (false, true) => "silent-in-view",
        _ => "silent-out-of-view",
    };
}
