namespace Sensact.Agent.Mqtt;

/// <summary>TLS to the broker: configuration section <c>Mqtt:Tls</c>.</summary>
public sealed class MqttTlsOptions
{
    /// <summary>Gets or sets whether the connection uses TLS (usually on port 8883).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Gets or sets a PEM file of the certificate authorities that signed the broker's certificate
    /// (a private CA); empty trusts the system's store. With a file, only those authorities are
    /// trusted, and revocation is not checked (a private CA rarely publishes a revocation list).
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>Gets or sets the agent's own certificate (PEM), for a broker that asks for one (<c>require_certificate true</c>).</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>Gets or sets the private key (PEM, unencrypted) of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Gets or sets the name the broker's certificate must carry; empty means <c>Mqtt:Host</c>.</summary>
    public string? ServerName { get; set; }
}
