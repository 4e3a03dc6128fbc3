using Microsoft.Extensions.Hosting;
using Sensact.Agent.Apps;
using Sensact.Agent.ConsoleView;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;
using Sensact.Agent.Sensors;
using Sensact.Devices.Recording;

namespace Sensact.Agent.Configuration;

/// <summary>Every configuration key the agent knows; anything else stops it at start.</summary>
internal static class AgentConfigurationSchema
{
    /// <summary>Creates the agent's schema.</summary>
    public static ConfigurationSchema Create() => new ConfigurationSchema()
        .Section(AgentOptions.Section, typeof(AgentOptions))
        .Section(MqttOptions.Section, typeof(MqttOptions))
        .Section(ConsoleViewOptions.Section, typeof(ConsoleViewOptions))
        .Section(RecordingOptions.Section, typeof(RecordingOptions))

        .NamedSections(AgentSensors.Section, "Driver", SensorDrivers.All.ToDictionary(d => d.Key, d => d.Value.OptionsType, StringComparer.OrdinalIgnoreCase), "driver")
        .NamedSections(AgentApps.Section, "Kind", AppKinds.All.ToDictionary(k => k.Key, k => k.Value.OptionsType, StringComparer.OrdinalIgnoreCase), "kind")

        .Custom("Logging", LoggingConfigurationCheck.Check)

        // Set by the host builder from the agent's folder (HostApplicationBuilderSettings.ContentRootPath).
        .Custom(HostDefaults.ContentRootKey, _ => []);
}
