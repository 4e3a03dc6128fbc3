using Sensact.Pipelines.Delivery;

namespace Sensact.Agent.Apps;

/// <summary>
/// What every application has, <c>Apps:{name}:*</c>; each kind's options derive from this class and
/// add their own keys (model, thresholds).
/// </summary>
public class AppOptions
{
    /// <summary>Gets or sets the application kind (for example <c>activity</c>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets or sets whether the application runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the sensor the application reads, by name (for kinds that read one).</summary>
    public string? Sensor { get; set; }

    /// <summary>Gets or sets the sensors the application reads, by name (for kinds that read several).</summary>
    public IReadOnlyList<string>? Sensors { get; set; }

    /// <summary>Gets or sets how frames reach the application when it falls behind its sensor.</summary>
    public DeliveryPolicy Delivery { get; set; } = DeliveryPolicy.DropOldest(256);

    /// <summary>Gets or sets how the application is restarted when it fails.</summary>
    public RestartOptions Restart { get; set; } = new();

    /// <summary>Gets every sensor the application names, <see cref="Sensor"/> first.</summary>
    public IReadOnlyList<string> SensorNames =>
        [.. new[] { Sensor }.Concat(Sensors ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)];
}
