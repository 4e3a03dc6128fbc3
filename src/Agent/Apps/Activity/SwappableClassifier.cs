using Sensact.Pipelines.Activity;

namespace Sensact.Agent.Apps.Activity;

/// <summary>
/// The classifier an activity application runs, replaceable while it runs (<c>model.swap</c>): a
/// window is classified wholly by the old model or wholly by the new one, and the old one is freed
/// only when no window uses it.
/// </summary>
internal sealed class SwappableClassifier(OnnxActivityClassifier first) : IActivityClassifier, IDisposable
{
    private readonly Lock _gate = new();
    private OnnxActivityClassifier _current = first;

    /// <summary>Gets the classifier in use.</summary>
    public OnnxActivityClassifier Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public IReadOnlyList<string> Labels => Current.Labels;

    public ActivityModelCard Card => Current.Card;

    public ActivityPrediction Classify(ReadOnlySpan<float> features)
    {
        lock (_gate)
        {
            return _current.Classify(features);
        }
    }

    /// <summary>Switches to <paramref name="next"/> between two windows and frees the old classifier.</summary>
    public void Swap(OnnxActivityClassifier next)
    {
        OnnxActivityClassifier old;
        lock (_gate)
        {
            old = _current;
            _current = next;
        }

        old.Dispose();
    }

    public void Dispose() => Current.Dispose();
}
