using Sensact.Agent.Hosting;

namespace Sensact.Agent.Tests.Hosting;

public sealed class AgentHostTests
{
    [Fact]
    public void Build_ShippedConfiguration_PassesTheConfigurationCheck()
    {
        using var host = AgentHost.Build(AgentCommandLine.Parse(["--Agent:Id=checked", "--Logging:LogLevel:Default=warning"]));

        Assert.NotNull(host);
    }

    [Fact]
    public void Build_CommandLineAndConfigurationProblems_AreThrownTogether()
    {
        var error = Assert.Throws<AgentStartupException>(() => AgentHost.Build(AgentCommandLine.Parse(["--bogus", "--Mqtt:Prot=1"])));

        Assert.Equal(["unknown option '--bogus'", "Mqtt:Prot: unknown key; did you mean Mqtt:Port?"], error.Problems);
        Assert.Equal(string.Join(Environment.NewLine, error.Problems), error.Message);
    }
}
