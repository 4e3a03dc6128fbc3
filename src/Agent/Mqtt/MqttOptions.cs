namespace Sensact.Agent.Mqtt;

/// <summary>How the agent reaches its MQTT broker: configuration section <c>Mqtt</c>.</summary>
public sealed class MqttOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Mqtt";

    /// <summary>
    /// Gets or sets the broker's host name or address. Empty (the default) starts the embedded
    /// broker on 127.0.0.1 and connects to it.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the broker's TCP port; for the embedded broker, the port it listens on.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Gets or sets the MQTT protocol version: <c>5</c> or <c>3.1.1</c>.</summary>
    public string ProtocolVersion { get; set; } = "5";

    /// <summary>Gets or sets the user name, if the broker wants one.</summary>
    public string? Username { get; set; }

    /// <summary>
    /// Gets or sets the password, if the broker wants one. Prefer <see cref="PasswordFile"/> or the
    /// environment (<c>SENSACT_Mqtt__Password</c>) to a configuration file; it is never logged nor
    /// shown by <c>config.get</c>.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets a file holding the password (its first line), for example a systemd or Docker secret.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Gets or sets the client id; empty means <c>sensact-{fleet}-{agent}</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the keep-alive period; the broker publishes the Last Will after 1.5 times this without traffic.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the first delay before reconnecting; it doubles after every failed try.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between two connection tries.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the durable outbox of events: its folder, bound in bytes, fsync policy and window.</summary>
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>Gets or sets how long shutdown waits to flush queued events and publish <c>offline</c>.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how often <c>{agent}/telemetry</c> is published (QoS 0); zero turns it off.</summary>
    public TimeSpan TelemetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets TLS to the broker.</summary>
    public MqttTlsOptions Tls { get; set; } = new();

    /// <summary>Gets or sets Home Assistant discovery.</summary>
    public HomeAssistantOptions HomeAssistant { get; set; } = new();

    /// <summary>Gets whether the agent runs its own broker.</summary>
    public bool UseEmbeddedBroker => string.IsNullOrWhiteSpace(Host);
}
