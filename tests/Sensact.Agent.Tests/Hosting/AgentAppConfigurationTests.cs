using System.Net;
using System.Net.Sockets;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Tests.Hosting;

/// <summary>Unknown keys and options, values of the wrong type and malformed files stop the agent, all listed at once.</summary>
public sealed class AgentAppConfigurationTests
{
    private const string Header = "sensact-agent: cannot start:";

    [Theory]
    [InlineData("--Mqtt:Prot=1884", "Mqtt:Prot: unknown key; did you mean Mqtt:Port?")]
    [InlineData("--Logging:LogLevel:Default=Loud", "Logging:LogLevel:Default: 'Loud' is not a log level (one of: Trace, Debug, Information, Warning, Error, Critical, None).")]
    [InlineData("--ConsoleView:Enabled=abc", "ConsoleView:Enabled: 'abc' is not a valid Boolean.")]
    [InlineData("--Mqtt:Port=abc", "Mqtt:Port: 'abc' is not a valid Int32.")]
    [InlineData("--bogus=1", "unknown option '--bogus'")]
    public async Task RunAsync_BadSetting_ExitsWithConfigurationErrorNamingKeyAndReason(string argument, string expected)
    {
        var (exitCode, problems) = await RunAsync(argument);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Equal([expected], problems);
    }

    [Fact]
    public async Task RunAsync_MistypedSectionAndOptions_ListsEveryProblemAtOnce()
    {
        var (exitCode, problems) = await RunAsync("--Agnet:Id=x", "--duraton", "5", "--bogus");

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Equal(
            ["unknown option '--duraton'; did you mean --duration?", "unknown option '--bogus'", "Agnet: unknown section; did you mean Agent?"],
            problems);
    }

    [Fact]
    public async Task RunAsync_TwoBadKeys_PrintsTwoLines()
    {
        var (exitCode, problems) = await RunAsync("--Mqtt:Port=abc", "--ConsoleView:Enabled=abc");

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Equal(["ConsoleView:Enabled: 'abc' is not a valid Boolean.", "Mqtt:Port: 'abc' is not a valid Int32."], problems);
    }

    [Fact]
    public async Task RunAsync_MalformedConfigFile_NamesFileLineAndReason()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sensact-config-").FullName, "broken.json");
        await File.WriteAllTextAsync(file, "{\n  \"Agent\": {\n    \"Id\" \"x\"\n  }\n}\n", TestContext.Current.CancellationToken);

        var (exitCode, problems) = await RunAsync("--config", file);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Equal([$"{file}: line 3, position 10: '\"' is invalid after a property name. Expected a ':'."], problems);
    }

    [Fact]
    public async Task RunAsync_ConfigFileWithDuplicateKey_NamesFileAndKey()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sensact-config-").FullName, "twice.json");
        await File.WriteAllTextAsync(file, """{ "Agent": { "Id": "a", "id": "b" } }""", TestContext.Current.CancellationToken);

        var (exitCode, problems) = await RunAsync("--config", file);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{file}: ", problem, StringComparison.Ordinal);
        Assert.Contains("Agent:id", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunAsync_EmbeddedBrokerPortInUse_PrintsOneMessageWithoutStackTrace()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        using var error = new StringWriter();

        var exitCode = await AgentApp.RunAsync([$"--Mqtt:Port={port}", "--ConsoleView:Enabled=false"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        var problem = Assert.Single(Problems(error.ToString()));
        Assert.StartsWith($"Mqtt:Port: the embedded broker cannot listen on 127.0.0.1:{port} (", problem, StringComparison.Ordinal);
        Assert.Contains("--Mqtt:Port=<port>", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string[] Problems)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        var exitCode = await AgentApp.RunAsync(args, TextWriter.Null, error);
        return (exitCode, Problems(error.ToString()));
    }

    // The lines after the header, each indented by two spaces.
    private static string[] Problems(string error)
    {
        var lines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        Assert.All(lines[1..], line => Assert.StartsWith("  ", line, StringComparison.Ordinal));
        return [.. lines[1..].Select(line => line[2..])];
    }
}
