using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>
/// A throw-away certificate authority with a broker certificate (for 127.0.0.1 and localhost) and
/// a client certificate, written as PEM files into <paramref name="folder"/>; a second, unrelated
/// authority stands for "not the broker's CA".
/// </summary>
internal sealed class TestPki(string folder)
{
    public string CaFile { get; } = Path.Combine(folder, "ca.pem");

    public string OtherCaFile { get; } = Path.Combine(folder, "other-ca.pem");

    public string ServerCertificateFile { get; } = Path.Combine(folder, "server.pem");

    public string ServerKeyFile { get; } = Path.Combine(folder, "server.key");

    public string ClientCertificateFile { get; } = Path.Combine(folder, "client.pem");

    public string ClientKeyFile { get; } = Path.Combine(folder, "client.key");

    /// <summary>Makes the authorities and certificates and writes them (readable by everyone: mosquitto drops to its own user).</summary>
    public static TestPki Create(string folder)
    {
        var pki = new TestPki(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = Authority("Sensact test CA", caKey);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = Authority("Some other CA", otherKey);
        File.WriteAllText(pki.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(pki.OtherCaFile, other.ExportCertificatePem());
        Issue(ca, "127.0.0.1", serverAuth: true, pki.ServerCertificateFile, pki.ServerKeyFile);
        Issue(ca, "tls-agent", serverAuth: false, pki.ClientCertificateFile, pki.ClientKeyFile);
        return pki;
    }

    private static X509Certificate2 Authority(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(90));
    }

    private static void Issue(X509Certificate2 ca, string name, bool serverAuth, string certificateFile, string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, ca.NotBefore, ca.NotAfter.AddDays(-1), serial);
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
