using Microsoft.Extensions.Configuration;
using Sensact.Agent.Configuration;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Tests.Configuration;

public sealed class AgentConfigurationSchemaTests
{
    [Fact]
    public void Check_ShippedConfigFile_HasNoProblems()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, AgentHost.DefaultConfigFile), optional: false)
            .AddInMemoryCollection([new("contentRoot", AppContext.BaseDirectory)])
            .Build();

        Assert.Empty(ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create()));
    }

    [Theory]
    [InlineData("Agnet:Id=x", "Agnet: unknown section; did you mean Agent?")]
    [InlineData("Mqtt:Prot=1884", "Mqtt:Prot: unknown key; did you mean Mqtt:Port?")]
    [InlineData("Mqtt:Port=", "Mqtt:Port: '' is not a valid Int32.")]
    [InlineData("ConsoleView:Enabled=abc", "ConsoleView:Enabled: 'abc' is not a valid Boolean.")]
    [InlineData("Sensors:imu:Pth=x", "Sensors:imu:Pth: unknown key; did you mean Sensors:imu:Path?")]
    [InlineData("Apps:activity:Delivery:Mode=Fast", "Apps:activity:Delivery:Mode: 'Fast' is not a valid DeliveryMode (one of: LatestOnly, DropOldest, DropNewest, Throttle).")]
    [InlineData("Logging:LogLevel:Default=Loud", "Logging:LogLevel:Default: 'Loud' is not a log level (one of: Trace, Debug, Information, Warning, Error, Critical, None).")]
    public void Check_BadAgentKey_NamesKeyAndReason(string pair, string expected)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, AgentHost.DefaultConfigFile), optional: false)
            .AddInMemoryCollection([new("contentRoot", AppContext.BaseDirectory), new(pair[..equals], pair[(equals + 1)..])])
            .Build();

        Assert.Equal([expected], ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create()));
    }

    [Fact]
    public void Check_SecondAppOnTheCommandLine_HasNoProblems()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, AgentHost.DefaultConfigFile), optional: false)
            .AddInMemoryCollection([new("contentRoot", AppContext.BaseDirectory), new("Apps:second:Kind", "activity"), new("Apps:second:Sensor", "imu")])
            .Build();

        Assert.Empty(ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create()));
    }
}
