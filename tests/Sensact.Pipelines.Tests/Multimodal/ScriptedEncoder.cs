using Sensact.Devices;
using Sensact.Pipelines.Encoding;

namespace Sensact.Pipelines.Tests.Multimodal;

/// <summary>
/// A fake encoder whose score is scripted by the frames: the largest payload of the unit (a payload
/// of -1 makes it throw, NaN makes the score NaN); or, when counting, the units since its last reset.
/// </summary>
internal sealed class ScriptedEncoder(string score, int framesPerUnit = 1, EncoderReset reset = EncoderReset.Window, bool counting = false)
    : IUnitEncoder<float>
{
    private int _sinceReset;

    public IReadOnlyList<string> Scores { get; } = [score];

    public int FramesPerUnit => framesPerUnit;

    public EncoderReset Reset => reset;

    public int Invocations { get; private set; }

    public int Resets { get; private set; }

    public List<float> Written { get; } = [];

    public void ResetState()
    {
        Resets++;
        _sinceReset = 0;
    }

    public void Encode(ReadOnlySpan<Frame<float>> unit, Span<float> scores)
    {
        Invocations++;
        var value = float.MinValue;
        foreach (var frame in unit)
        {
            if (frame.Payload == -1f)
            {
                throw new InvalidOperationException("scripted failure");
            }

            value = float.IsNaN(frame.Payload) || float.IsNaN(value) ? float.NaN : Math.Max(value, frame.Payload);
        }

        scores[0] = counting ? ++_sinceReset : value;
        Written.Add(scores[0]);
    }

    public void Dispose()
    {
    }
}
