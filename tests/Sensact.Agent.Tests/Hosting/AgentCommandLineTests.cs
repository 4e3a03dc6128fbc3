using Sensact.Agent.Hosting;

namespace Sensact.Agent.Tests.Hosting;

public sealed class AgentCommandLineTests
{
    [Fact]
    public void Parse_Null_Throws() => Assert.Throws<ArgumentNullException>(() => AgentCommandLine.Parse(null!));

    [Fact]
    public void Parse_NoArguments_RunsForeverWithDefaults()
    {
        var line = AgentCommandLine.Parse([]);

        Assert.Null(line.ConfigFile);
        Assert.Null(line.Duration);
        Assert.Empty(line.Overrides);
    }

    [Theory]
    [InlineData("--config", "my.json", "--duration", "2.5")]
    [InlineData("--config=my.json", "--duration=2.5")]
    public void Parse_OwnOptions_AreTakenOutOfOverrides(params string[] args)
    {
        var line = AgentCommandLine.Parse([.. args, "--Agent:Id=pi-7"]);

        Assert.Equal("my.json", line.ConfigFile);
        Assert.Equal(TimeSpan.FromSeconds(2.5), line.Duration);
        Assert.Equal(["--Agent:Id=pi-7"], line.Overrides);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    [InlineData("NaN")]
    public void Parse_BadDuration_NamesTheOption(string value)
    {
        var error = Assert.Throws<AgentStartupException>(() => AgentCommandLine.Parse(["--duration", value]));

        Assert.Contains("--duration", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration")]
    [InlineData("--config")]
    public void Parse_OptionWithoutValue_Throws(string option)
    {
        var error = Assert.Throws<AgentStartupException>(() => AgentCommandLine.Parse([option]));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }
}
