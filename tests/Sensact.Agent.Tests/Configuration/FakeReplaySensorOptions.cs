namespace Sensact.Agent.Tests.Configuration;

/// <summary>A sensor entry picked by <c>Driver=replay</c>, for the named-sections tests.</summary>
public sealed class FakeReplaySensorOptions
{
    /// <summary>Gets or sets the driver.</summary>
    public string Driver { get; set; } = "replay";

    /// <summary>Gets or sets the rate.</summary>
    public double Rate { get; set; }
}
