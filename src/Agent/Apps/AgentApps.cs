using Microsoft.Extensions.Configuration;
using Sensact.Agent.Configuration;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;
using Sensact.Agent.Sensors;

namespace Sensact.Agent.Apps;

/// <summary>
/// The applications declared in the <c>Apps</c> section, checked and prepared (models loaded)
/// before anything starts, together with the sensors they read: every problem of both sections is
/// reported at once, each with its full key.
/// </summary>
internal sealed class AgentApps : IDisposable
{
    /// <summary>The configuration section applications are declared in.</summary>
    public const string Section = "Apps";

    private readonly List<(IApplication App, AppOptions Options)> _apps = [];

    /// <summary>Reads, checks and prepares the enabled applications.</summary>
    /// <exception cref="AgentStartupException">A sensor or an application is misconfigured; the message lists every problem.</exception>
    public AgentApps(IConfiguration configuration, AgentSensors sensors)
    {
        var problems = new List<string>(sensors.Problems);
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var key = $"{Section}:{section.Key}";
            if (TopicLevel.Problem(section.Key) is { } nameProblem)
            {
                problems.Add($"{key}: the application's name (its event topic level) {nameProblem}");
                continue;
            }

            if (!NamedEntry.TrySelect(section, nameof(AppOptions.Kind), AppKinds.All, "kind", problems, out var kind))
            {
                continue;
            }

            var options = (AppOptions)(section.Get(kind.OptionsType) ?? Activator.CreateInstance(kind.OptionsType)!);
            if (!options.Enabled)
            {
                continue;
            }

            var appProblems = new List<string>();
            appProblems.AddRange(options.Delivery.Validate().Select(p => $"Delivery:{p}"));
            appProblems.AddRange(options.Restart.Validate().Select(p => $"Restart:{p}"));
            if (options.SensorNames.Count == 0)
            {
                appProblems.Add($"Sensor: required (declared sensors: {string.Join(", ", sensors.Declared)}).");
            }

            foreach (var sensor in options.SensorNames.Where(s => !sensors.Declared.Contains(s)))
            {
                appProblems.Add($"Sensor: '{sensor}' is not declared in the Sensors section (declared: {string.Join(", ", sensors.Declared)}).");
            }

            kind.Resolve(options, ContentPaths.Resolve);
            if (appProblems.Count == 0 && options.SensorNames.All(s => sensors.Hub.TryGet(s, out _)))
            {
                var app = kind.Prepare(section.Key, options, sensors.Hub, appProblems);
                if (app is not null)
                {
                    _apps.Add((app, options));
                }
            }

            problems.AddRange(appProblems.Select(p => $"{key}:{p}"));
        }

        if (problems.Count > 0)
        {
            Dispose();
            throw new AgentStartupException(problems);
        }
    }

    /// <summary>Gets the prepared applications with their options.</summary>
    public IReadOnlyList<(IApplication App, AppOptions Options)> Apps => _apps;

    /// <summary>Frees every application's models.</summary>
    public void Dispose()
    {
        foreach (var (app, _) in _apps)
        {
            app.Dispose();
        }
    }
}
