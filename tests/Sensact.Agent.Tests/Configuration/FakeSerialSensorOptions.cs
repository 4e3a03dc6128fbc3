namespace Sensact.Agent.Tests.Configuration;

/// <summary>A sensor entry picked by <c>Driver=serial</c>, for the named-sections tests.</summary>
public sealed class FakeSerialSensorOptions
{
    /// <summary>Gets or sets the driver.</summary>
    public string Driver { get; set; } = "serial";

    /// <summary>Gets or sets the baud rate.</summary>
    public int Baud { get; set; }
}
