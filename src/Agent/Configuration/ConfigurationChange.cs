using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Configuration;

/// <summary>
/// One key of a running agent's configuration set to a new value (<c>config.set</c>,
/// <c>model.swap</c>, <c>sensor.rate</c>): the configuration as it would be, checked by the strict
/// checker that runs at start. Nothing is changed until <see cref="Apply"/>.
/// </summary>
internal sealed class ConfigurationChange
{
    private readonly IConfiguration _current;

    /// <summary>Builds the configuration with <paramref name="key"/> set to <paramref name="value"/> and checks that key.</summary>
    public ConfigurationChange(IConfiguration current, string key, string value)
    {
        _current = current;
        Key = key;
        Value = value;
        Candidate = new ConfigurationBuilder().AddConfiguration(current).AddInMemoryCollection([new(key, value)]).Build();
        Problems = ConfigurationChecker.Check(Candidate, AgentConfigurationSchema.Create())
            .Where(p => p.StartsWith(key, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Gets the full key.</summary>
    public string Key { get; }

    /// <summary>Gets the new value.</summary>
    public string Value { get; }

    /// <summary>Gets the configuration as it would be, to bind options from.</summary>
    public IConfiguration Candidate { get; }

    /// <summary>Gets what the strict checker found wrong with the key (unknown, or a value of the wrong type).</summary>
    public List<string> Problems { get; }

    /// <summary>Sets the value in the running configuration (in memory: a restart reads the files again), so <c>config.get</c> shows it.</summary>
    public void Apply() => _current[Key] = Value;
}
