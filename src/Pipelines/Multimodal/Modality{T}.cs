using Sensact.Devices;
using Sensact.Pipelines.Encoding;

namespace Sensact.Pipelines.Multimodal;

/// <summary>A modality of frames of <typeparamref name="T"/>; made by <see cref="Modality.Create{T}"/>.</summary>
internal sealed class Modality<T>(string name, IObservable<Frame<T>> frames, IUnitEncoder<T> encoder, TimeSpan framePeriod, ModalityRole role)
    : Modality(name, role, framePeriod)
{
    public override IReadOnlyList<string> Scores => encoder.Scores;

    public override int FramesPerUnit => encoder.FramesPerUnit;

    internal override ModalityRunner CreateRunner(WindowEngine engine, int index) => new ModalityRunner<T>(engine, this, index, frames, encoder);
}
