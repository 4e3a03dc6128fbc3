using Sensact.Devices;

namespace Sensact.Benchmarks.Multimodal;

/// <summary>A synchronous frame source for one subscriber: <see cref="Push"/> calls its <c>OnNext</c> on the caller's thread.</summary>
internal sealed class FramePush : IObservable<Frame<float>>
{
    private IObserver<Frame<float>>? _observer;

    public void Push(Frame<float> frame) => _observer?.OnNext(frame);

    public IDisposable Subscribe(IObserver<Frame<float>> observer)
    {
        _observer = observer;
        return new Unsubscriber(this);
    }

    private sealed class Unsubscriber(FramePush source) : IDisposable
    {
        public void Dispose() => source._observer = null;
    }
}
