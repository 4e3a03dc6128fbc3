using Sensact.Pipelines.Events;
using Sensact.Pipelines.Models;

namespace Sensact.Agent.Apps;

/// <summary>
/// A configured application, prepared at start (options checked, models loaded): each call to
/// <see cref="Build"/> makes a fresh stream of its events, so the runner can restart it.
/// </summary>
public interface IApplication : IDisposable
{
    /// <summary>Gets the application's name (<c>Apps:{name}</c>; the event topic <c>events/{name}</c>).</summary>
    string Name { get; }

    /// <summary>Gets the application's kind.</summary>
    string Kind { get; }

    /// <summary>Gets the models the application runs, by file name, with their cards (for the birth message).</summary>
    IReadOnlyDictionary<string, ModelCard> Models { get; }

    /// <summary>Gets the keys of the application's section (relative, such as <c>MinConfidence</c>) that may change while it runs.</summary>
    IReadOnlyCollection<string> LiveKeys { get; }

    /// <summary>
    /// Applies new options to the running application (<c>config.set</c>, <c>model.swap</c>); only
    /// <see cref="LiveKeys"/> differ from the running options. Checks them with the rules used at
    /// start; when any problem is added (naming its key relative to the section), nothing changes.
    /// </summary>
    /// <param name="options">The application's options with the new values, paths resolved.</param>
    /// <param name="problems">Where problems go.</param>
    void Reconfigure(AppOptions options, ICollection<string> problems);

    /// <summary>
    /// Checks, before a sensor it reads switches to a new source (<c>sensor.rate</c>), that the
    /// application can go on reading it; problems name their key relative to the application's section.
    /// </summary>
    /// <param name="sensor">The sensor's name.</param>
    /// <param name="source">The new source.</param>
    /// <param name="problems">Where problems go.</param>
    void CheckSource(string sensor, object source, ICollection<string> problems);

    /// <summary>Builds the application's event stream; subscribing starts it, disposing stops it.</summary>
    /// <param name="context">Sensors, scheduler, clock and logging.</param>
    /// <returns>The events; an error means the application failed, completion that its sources ended.</returns>
    IObservable<AppEvent> Build(AppBuildContext context);
}
