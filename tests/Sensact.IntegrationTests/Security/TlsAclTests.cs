using System.Diagnostics;
using System.Text.Json;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Security;

/// <summary>
/// A Mosquitto with TLS (a private CA), passwords and the ACL shipped in deploy/mosquitto: the agent
/// connects over TLS, writes under its own prefix only, and only operators command it.
/// </summary>
public sealed class TlsAclTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly string ShippedAcl = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "sensact.acl"));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sensact-tls-");
    private readonly TestPki _pki;

    public TlsAclTests()
    {
        _pki = TestPki.Create(_folder.FullName);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task TlsWithAcl_OperatorCommandsTheAgentAndOtherAgentsCannot()
    {
        MosquittoBroker.SkipIfMissing();
        Assert.SkipUnless(File.Exists(MosquittoBroker.Tool("mosquitto_rr")), "mosquitto_rr is not installed (apt-get install mosquitto-clients); .ci/run installs it.");
        var security = new MosquittoSecurity([("tls-agent", "agent-pw"), ("intruder", "intruder-pw"), ("operator", "operator-pw")], ShippedAcl, _pki);
        await using var broker = await MosquittoBroker.StartAsync(security: security, cancellationToken: TestContext.Current.CancellationToken);
        var passwordFile = Path.Combine(_folder.FullName, "agent-password");
        await File.WriteAllTextAsync(passwordFile, "agent-pw\n", TestContext.Current.CancellationToken);
        await using var agent = await AgentUnderTest.StartAsync(
            "tls-agent", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Mqtt:Username=tls-agent", $"--Mqtt:PasswordFile={passwordFile}",
            "--Mqtt:Tls:Enabled=true", $"--Mqtt:Tls:CaFile={_pki.CaFile}");
        await agent.WaitUntilConnectedAsync();
        await AgentUnderTest.WaitUntilAsync(() => agent.Apps.Snapshot().TryGetValue("activity", out var app) && app.State == Sensact.Agent.Apps.AppState.Running, Deadline);

        // The operator sees the agent's events and commands it, over TLS.
        var (eventCode, eventOutput) = await RunAsync("mosquitto_sub", Client("operator", "operator-pw", broker.Port, ["-t", $"{agent.TopicRoot}/events/#", "-C", "1", "-W", "30"]));
        Assert.Equal(0, eventCode);
        Assert.Equal("activity", JsonDocument.Parse(eventOutput).RootElement.GetProperty("app").GetString());

        // Another agent may neither command it nor write its status (refused by the ACL; QoS 1 so the broker has decided before the tool exits).
        await RunAsync("mosquitto_pub", Client("intruder", "intruder-pw", broker.Port, ["-q", "1", "-t", $"{agent.TopicRoot}/cmd/app.stop", "-m", """{"app":"activity"}"""]));
        await RunAsync("mosquitto_pub", Client("intruder", "intruder-pw", broker.Port, ["-q", "1", "-r", "-t", $"{agent.TopicRoot}/status", "-m", "hijacked"]));

        var (statusCode, statusOutput) = await RunAsync("mosquitto_rr", Client("operator", "operator-pw", broker.Port, ["-t", $"{agent.TopicRoot}/cmd/status", "-e", $"{agent.TopicRoot}/reply/operator-1", "-m", "{}", "-W", "20"]));
        Assert.Equal(0, statusCode);
        var reply = JsonDocument.Parse(statusOutput).RootElement;
        Assert.True(reply.GetProperty("ok").GetBoolean());
        Assert.Equal("running", reply.GetProperty("result").GetProperty("apps").GetProperty("activity").GetProperty("state").GetString());

        var (retainedCode, retained) = await RunAsync("mosquitto_sub", Client("operator", "operator-pw", broker.Port, ["-t", $"{agent.TopicRoot}/status", "-C", "1", "-W", "10"]));
        Assert.Equal(0, retainedCode);
        Assert.Equal("online", JsonDocument.Parse(retained).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Tls_BrokerCertificateFromAnotherCa_AgentRefusesToConnect()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(security: new MosquittoSecurity([], Tls: _pki), cancellationToken: TestContext.Current.CancellationToken);
        await using var agent = await AgentUnderTest.StartAsync(
            "tls-untrusting", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Mqtt:Tls:Enabled=true", $"--Mqtt:Tls:CaFile={_pki.OtherCaFile}");

        await AgentUnderTest.WaitUntilAsync(() => agent.Outbox.Enqueued >= 2, Deadline);

        Assert.Equal(0, agent.Link.Connections);
        Assert.Equal(agent.Outbox.Enqueued, agent.Outbox.Count); // kept for later, not sent to an unverified broker
    }

    [Fact]
    public async Task Tls_BrokerRequiresClientCertificate_AgentConnectsWithItsOwn()
    {
        MosquittoBroker.SkipIfMissing();
        await using var broker = await MosquittoBroker.StartAsync(security: new MosquittoSecurity([], Tls: _pki, RequireCertificate: true), cancellationToken: TestContext.Current.CancellationToken);
        await using var withCertificate = await AgentUnderTest.StartAsync(
            "tls-client-cert", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Mqtt:Tls:Enabled=true", $"--Mqtt:Tls:CaFile={_pki.CaFile}",
            $"--Mqtt:Tls:ClientCertificateFile={_pki.ClientCertificateFile}", $"--Mqtt:Tls:ClientKeyFile={_pki.ClientKeyFile}");
        await using var without = await AgentUnderTest.StartAsync(
            "tls-no-cert", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}", "--Mqtt:Tls:Enabled=true", $"--Mqtt:Tls:CaFile={_pki.CaFile}");

        await withCertificate.WaitUntilConnectedAsync();
        await AgentUnderTest.WaitUntilAsync(() => without.Outbox.Enqueued >= 2, Deadline);

        Assert.True(withCertificate.Link.IsConnected);
        Assert.Equal(0, without.Link.Connections);
    }

    private string[] Client(string user, string password, int port, string[] rest) =>
        ["-V", "5", "-h", "127.0.0.1", "-p", $"{port}", "--cafile", _pki.CaFile, "-u", user, "-P", password, .. rest];

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(MosquittoBroker.Tool(tool), args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{tool}: exit {process.ExitCode} {await errors}");
        return (process.ExitCode, await output);
    }
}
