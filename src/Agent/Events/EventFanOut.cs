using Sensact.Pipelines.Events;

namespace Sensact.Agent.Events;

/// <summary>Hands every application's events to every sink, in the order the sinks were registered.</summary>
internal sealed class EventFanOut(IEnumerable<IEventSink> sinks)
{
    private readonly IEventSink[] _sinks = [.. sinks];

    /// <summary>Publishes <paramref name="appEvent"/> to every sink; a sink that throws fails the calling application.</summary>
    public void Publish(AppEvent appEvent)
    {
        ArgumentNullException.ThrowIfNull(appEvent);
        foreach (var sink in _sinks)
        {
            sink.Publish(appEvent);
        }
    }
}
