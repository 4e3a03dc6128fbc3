using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Apps;

/// <summary>A kind of application, named by <c>Apps:{name}:Kind</c>.</summary>
public interface IAppKind
{
    /// <summary>Gets the kind's name in configuration (for example <c>activity</c>).</summary>
    string Name { get; }

    /// <summary>Gets the kind's options type, bound from <c>Apps:{name}</c>; it derives from <see cref="AppOptions"/>.</summary>
    Type OptionsType { get; }

    /// <summary>Resolves relative paths in the options (done once, before validation).</summary>
    /// <param name="options">The options.</param>
    /// <param name="resolvePath">Turns a configured path into the file to read.</param>
    void Resolve(AppOptions options, Func<string, string> resolvePath);

    /// <summary>
    /// Checks the options and loads what the application needs (models), checking it against the
    /// sensors it reads. Problems name their key relative to the application's section
    /// (<c>Model: ...</c>) and give the full key of any other section they involve.
    /// </summary>
    /// <param name="name">The application's name.</param>
    /// <param name="options">The options, already resolved.</param>
    /// <param name="sensors">The shared sensors.</param>
    /// <param name="problems">Where problems go; when any is added, the result is <c>null</c>.</param>
    /// <returns>The prepared application, or <c>null</c> when it cannot run.</returns>
    IApplication? Prepare(string name, AppOptions options, SensorHub sensors, ICollection<string> problems);
}
