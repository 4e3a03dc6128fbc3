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

    /// <summary>Builds the application's event stream; subscribing starts it, disposing stops it.</summary>
    /// <param name="context">Sensors, scheduler, clock and logging.</param>
    /// <returns>The events; an error means the application failed, completion that its sources ended.</returns>
    IObservable<AppEvent> Build(AppBuildContext context);
}
