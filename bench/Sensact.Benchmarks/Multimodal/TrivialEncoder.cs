using Sensact.Devices;
using Sensact.Pipelines.Encoding;

namespace Sensact.Benchmarks.Multimodal;

/// <summary>An encoder that costs next to nothing: the unit's first payload is its score. What is left is the stages' plumbing.</summary>
internal sealed class TrivialEncoder(string score) : IUnitEncoder<float>
{
    public IReadOnlyList<string> Scores { get; } = [score];

    public int FramesPerUnit => 1;

    public EncoderReset Reset => EncoderReset.Window;

    public void ResetState()
    {
    }

    public void Encode(ReadOnlySpan<Frame<float>> unit, Span<float> scores) => scores[0] = unit[0].Payload;

    public void Dispose()
    {
    }
}
