using Microsoft.Extensions.Hosting;
using Sensact.Agent.Activity;
using Sensact.Agent.ConsoleView;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;
using Sensact.Devices.Replay;

namespace Sensact.Agent.Configuration;

/// <summary>Every configuration key the agent knows; anything else stops it at start.</summary>
internal static class AgentConfigurationSchema
{
    /// <summary>Creates the agent's schema.</summary>
    public static ConfigurationSchema Create() => new ConfigurationSchema()
        .Section(AgentOptions.Section, typeof(AgentOptions))
        .Section(MqttOptions.Section, typeof(MqttOptions))
        .Section(ConsoleViewOptions.Section, typeof(ConsoleViewOptions))

        // ---- Sensors and Apps: register their NamedSections here, e.g. ----
        // .NamedSections("Sensors", "Driver", new Dictionary<string, Type> { ["replay"] = typeof(ImuReplaySensorOptions) })
        // .NamedSections("Apps", "Kind", new Dictionary<string, Type> { ["activity"] = typeof(ActivityAppOptions) })
        // ---- and remove these two sections once nothing binds them any more. ----
        .Section(ImuReplayOptions.SectionName, typeof(ImuReplayOptions))
        .Section(ActivityOptions.Section, typeof(ActivityOptions))

        .Custom("Logging", LoggingConfigurationCheck.Check)

        // Set by the host builder from the agent's folder (HostApplicationBuilderSettings.ContentRootPath).
        .Custom(HostDefaults.ContentRootKey, _ => []);
}
