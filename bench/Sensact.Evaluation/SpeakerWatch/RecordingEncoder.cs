using Sensact.Devices;
using Sensact.Pipelines.Encoding;

namespace Sensact.Evaluation.SpeakerWatch;

/// <summary>
/// Passes units to a real encoder and, while <see cref="Recording"/> is set, keeps each unit's first
/// score by its originating time: the scores the exit-threshold sweep replays.
/// </summary>
/// <typeparam name="T">The frames' payload type.</typeparam>
internal sealed class RecordingEncoder<T>(IUnitEncoder<T> inner) : IUnitEncoder<T>
{
    /// <summary>Gets the recorded units: originating time and score.</summary>
    public List<(DateTimeOffset Time, float Score)> Units { get; } = [];

    /// <summary>Gets or sets whether units are recorded.</summary>
    public bool Recording { get; set; }

    public IReadOnlyList<string> Scores => inner.Scores;

    public int FramesPerUnit => inner.FramesPerUnit;

    public EncoderReset Reset => inner.Reset;

    public void ResetState() => inner.ResetState();

    public void Encode(ReadOnlySpan<Frame<T>> unit, Span<float> scores)
    {
        inner.Encode(unit, scores);
        if (Recording)
        {
            Units.Add((unit[0].OriginatingTime, scores[0]));
        }
    }

    public void Dispose() => inner.Dispose();
}
