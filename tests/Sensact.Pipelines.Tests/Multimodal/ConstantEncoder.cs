using Sensact.Devices;
using Sensact.Pipelines.Encoding;

namespace Sensact.Pipelines.Tests.Multimodal;

/// <summary>A trivial encoder that writes its frame's payload as the score and allocates nothing.</summary>
internal sealed class ConstantEncoder(string score) : IUnitEncoder<float>
{
    public IReadOnlyList<string> Scores { get; } = [score];

    public int FramesPerUnit => 1;

    public EncoderReset Reset => EncoderReset.Window;

    public long Invocations { get; private set; }

    public void ResetState()
    {
    }

    public void Encode(ReadOnlySpan<Frame<float>> unit, Span<float> scores)
    {
        Invocations++;
        scores[0] = unit[0].Payload;
    }

    public void Dispose()
    {
    }
}
