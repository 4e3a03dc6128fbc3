using Sensact.Pipelines.Events;

namespace Sensact.Agent.Events;

/// <summary>Where events go (the MQTT publisher, the console view; actions later).</summary>
internal interface IEventSink
{
    /// <summary>Takes one event; must not block (called on the application's thread).</summary>
    void Publish(AppEvent appEvent);
}
