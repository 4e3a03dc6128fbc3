using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class MqttTlsTests
{
    [Fact]
    public void Validator_TlsWithTheEmbeddedBroker_NamesTheKey()
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Tls = { Enabled = true } });

        Assert.Contains("Mqtt:Tls:Enabled: the embedded broker listens on loopback without TLS", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_CertificateFilesWithTlsOff_SaysTlsIsOff()
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Host = "broker", Tls = { CaFile = "ca.pem" } });

        Assert.Contains("Mqtt:Tls:Enabled: certificate files are set but TLS is off", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_MissingOrEmptyCaFile_NamesTheFile()
    {
        var empty = Path.GetTempFileName();
        File.WriteAllText(empty, "not a certificate");

        var missing = new MqttOptionsValidator().Validate(null, new MqttOptions { Host = "broker", Tls = { Enabled = true, CaFile = "/no/such/ca.pem" } });
        var noCertificate = new MqttOptionsValidator().Validate(null, new MqttOptions { Host = "broker", Tls = { Enabled = true, CaFile = empty } });

        Assert.Contains("Mqtt:Tls:CaFile: '/no/such/ca.pem' cannot be used", missing.FailureMessage, StringComparison.Ordinal);
        File.Delete(empty);
        Assert.Contains($"Mqtt:Tls:CaFile: '{empty}' cannot be used", noCertificate.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ClientCertificateWithoutKey_AsksForBoth()
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Host = "broker", Tls = { Enabled = true, ClientCertificateFile = "client.pem" } });

        Assert.Contains("Mqtt:Tls:ClientCertificateFile: set it together with Mqtt:Tls:ClientKeyFile", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_TlsToAHostWithTheSystemStore_IsValid()
    {
        Assert.True(new MqttOptionsValidator().Validate(null, new MqttOptions { Host = "broker", Port = 8883, Tls = { Enabled = true } }).Succeeded);
    }
}
