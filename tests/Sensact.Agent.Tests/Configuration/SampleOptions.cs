using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Tests.Configuration;

/// <summary>Options with a property of every kind the checker knows.</summary>
public sealed class SampleOptions
{
    /// <summary>Gets or sets an int.</summary>
    public int Number { get; set; }

    /// <summary>Gets or sets a long.</summary>
    public long Big { get; set; }

    /// <summary>Gets or sets a bool.</summary>
    public bool Flag { get; set; }

    /// <summary>Gets or sets a double.</summary>
    public double Ratio { get; set; }

    /// <summary>Gets or sets a float.</summary>
    public float Fraction { get; set; }

    /// <summary>Gets or sets a time span.</summary>
    public TimeSpan Period { get; set; }

    /// <summary>Gets or sets an enum.</summary>
    public SampleMode Mode { get; set; }

    /// <summary>Gets or sets a nullable int.</summary>
    public int? Maybe { get; set; }

    /// <summary>Gets or sets a string.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets nested options.</summary>
    public SampleNestedOptions Nested { get; set; } = new();

    /// <summary>Gets nested options without a setter (the binder fills them in place).</summary>
    public SampleNestedOptions Fixed { get; } = new();

    /// <summary>Gets or sets a list.</summary>
    public List<int> Numbers { get; set; } = [];

    /// <summary>Gets or sets an array.</summary>
    public TimeSpan[] Periods { get; set; } = [];

    /// <summary>Gets or sets a read-only list of options.</summary>
    public IReadOnlyList<SampleNestedOptions> Items { get; set; } = [];

    /// <summary>Gets or sets a dictionary.</summary>
    public Dictionary<string, int> Limits { get; set; } = [];

    /// <summary>Gets a value computed from the others (no setter).</summary>
    public bool Derived => Number > 0;

    /// <summary>Gets or sets a section handed over as it is.</summary>
    public IConfigurationSection? Raw { get; set; }

    /// <summary>Gets or sets a property bound from another key.</summary>
    [ConfigurationKeyName("renamed")]
    public int Other { get; set; }
}
