namespace Sensact.Pipelines.Events;

/// <summary>
/// What an application emits: a decision, an anomaly, or any later kind. Sinks (MQTT, the console,
/// actions) receive every application's events through one fan-out.
/// </summary>
/// <param name="App">The application that emitted the event; it names the event topic <c>events/{app}</c>.</param>
/// <param name="OriginatingTime">The originating time of the newest sensor data the event is based on.</param>
/// <param name="Source">The sensor (or sensors, comma-separated) whose data the event is based on.</param>
/// <param name="Sequence">
/// The event's number within its application, from 0 at the agent's start; it keeps counting when
/// the application is restarted, so a gap means events were lost.
/// </param>
/// <param name="Latency">From <paramref name="OriginatingTime"/> to the moment the event was emitted.</param>
public abstract record AppEvent(string App, DateTimeOffset OriginatingTime, string Source, long Sequence, TimeSpan Latency)
{
    /// <summary>Gets the kind of event, e.g. <c>decision</c>; part of every serialised event.</summary>
    public abstract string Kind { get; }
}
