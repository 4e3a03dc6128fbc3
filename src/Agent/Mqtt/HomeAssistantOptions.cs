namespace Sensact.Agent.Mqtt;

/// <summary>Home Assistant MQTT discovery: <c>Mqtt:HomeAssistant</c>.</summary>
public sealed class HomeAssistantOptions
{
    /// <summary>Gets or sets whether the agent announces its applications to Home Assistant (off by default).</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets Home Assistant's discovery prefix (its MQTT integration's setting).</summary>
    public string Prefix { get; set; } = "homeassistant";
}
