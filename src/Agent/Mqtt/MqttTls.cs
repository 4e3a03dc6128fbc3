using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace Sensact.Agent.Mqtt;

/// <summary>Turns <see cref="MqttTlsOptions"/> into the client's TLS settings, and checks the files at start.</summary>
internal static class MqttTls
{
    /// <summary>Adds TLS to <paramref name="builder"/> when it is enabled; the files are read at each connection (renewed certificates are picked up).</summary>
    public static MqttClientOptionsBuilder Apply(MqttClientOptionsBuilder builder, MqttTlsOptions tls, string host)
    {
        if (!tls.Enabled)
        {
            return builder;
        }

        return builder.WithTlsOptions(options =>
        {
            options.UseTls().WithTargetHost(string.IsNullOrWhiteSpace(tls.ServerName) ? host : tls.ServerName);
            if (!string.IsNullOrEmpty(tls.CaFile))
            {
                options.WithTrustChain(Authorities(tls.CaFile)).WithRevocationMode(X509RevocationMode.NoCheck);
            }

            if (!string.IsNullOrEmpty(tls.ClientCertificateFile))
            {
                options.WithClientCertificates([ClientCertificate(tls.ClientCertificateFile, tls.ClientKeyFile!)]);
            }
        });
    }

    /// <summary>Checks the TLS settings, naming each bad key; reads every file once.</summary>
    public static IEnumerable<string> Problems(MqttOptions options)
    {
        var tls = options.Tls;
        var anyFile = !string.IsNullOrEmpty(tls.CaFile) || !string.IsNullOrEmpty(tls.ClientCertificateFile) || !string.IsNullOrEmpty(tls.ClientKeyFile);
        if (!tls.Enabled)
        {
            if (anyFile)
            {
                yield return "Mqtt:Tls:Enabled: certificate files are set but TLS is off; set Mqtt:Tls:Enabled=true or remove them.";
            }

            yield break;
        }

        if (options.UseEmbeddedBroker)
        {
            yield return "Mqtt:Tls:Enabled: the embedded broker listens on loopback without TLS; set Mqtt:Host to use TLS.";
        }

        if (!string.IsNullOrEmpty(tls.CaFile) && FileProblem(tls.CaFile, () => Authorities(tls.CaFile)) is { } ca)
        {
            yield return $"Mqtt:Tls:CaFile: {ca}";
        }

        if (string.IsNullOrEmpty(tls.ClientCertificateFile) != string.IsNullOrEmpty(tls.ClientKeyFile))
        {
            yield return "Mqtt:Tls:ClientCertificateFile: set it together with Mqtt:Tls:ClientKeyFile, or neither.";
        }
        else if (!string.IsNullOrEmpty(tls.ClientCertificateFile)
            && FileProblem(tls.ClientCertificateFile, () => ClientCertificate(tls.ClientCertificateFile, tls.ClientKeyFile!)) is { } client)
        {
            yield return $"Mqtt:Tls:ClientCertificateFile: {client}";
        }
    }

    private static X509Certificate2Collection Authorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        if (authorities.Count == 0)
        {
            throw new CryptographicException($"'{path}' holds no PEM certificate.");
        }

        return authorities;
    }

    private static X509Certificate2 ClientCertificate(string certificate, string key) =>
        X509Certificate2.CreateFromPemFile(certificate, key);

    private static string? FileProblem(string path, Action read)
    {
        try
        {
            read();
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return $"'{path}' cannot be used: {error.Message}";
        }
    }
}
