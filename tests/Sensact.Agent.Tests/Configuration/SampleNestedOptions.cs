namespace Sensact.Agent.Tests.Configuration;

/// <summary>Options nested in <see cref="SampleOptions"/>.</summary>
public sealed class SampleNestedOptions
{
    /// <summary>Gets or sets a number.</summary>
    public int Count { get; set; }

    /// <summary>Gets or sets a text.</summary>
    public string Label { get; set; } = string.Empty;
}
