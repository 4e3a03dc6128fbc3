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
        var problem = Assert.Single(AgentCommandLine.Parse(["--duration", value]).Problems);

        Assert.Contains("--duration", problem, StringComparison.Ordinal);
        Assert.Contains(value, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration")]
    [InlineData("--config")]
    [InlineData("--Agent:Id")]
    public void Parse_OptionWithoutValue_IsAProblem(string option)
    {
        var problem = Assert.Single(AgentCommandLine.Parse([option]).Problems);

        Assert.Equal($"{option} needs a value.", problem);
    }

    [Fact]
    public void Parse_OptionFollowedByAnotherOption_LacksItsValue() =>
        Assert.Equal(["--Agent:Id needs a value."], AgentCommandLine.Parse(["--Agent:Id", "--duration", "5"]).Problems);

    [Theory]
    [InlineData("--Agent:Id=pi-7")]
    [InlineData("--Agent:Id", "pi-7")]
    [InlineData("/Agent:Id=pi-7")]
    [InlineData("/Agent:Id", "pi-7")]
    [InlineData("--Sensors:imu:Path", "/var/lib/sensact/imu.csv")]
    [InlineData("--Mqtt:Port", "-1")]
    public void Parse_ConfigurationOverride_IsPassedOnAsWritten(params string[] args)
    {
        var line = AgentCommandLine.Parse(args);

        Assert.Empty(line.Problems);
        Assert.Equal(args, line.Overrides);
    }

    [Theory]
    [InlineData("--duraton", "unknown option '--duraton'; did you mean --duration?")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--bogus=1", "unknown option '--bogus'")]
    [InlineData("--verison", "unknown option '--verison'; did you mean --version?")]
    [InlineData("-Agent:Id=x", "unknown option '-Agent:Id'; did you mean --Agent:Id?")]
    [InlineData("Agent:Id=x", "unknown option 'Agent:Id'; did you mean --Agent:Id?")]
    [InlineData("--Agent:=x", "unknown option '--Agent:'")]
    [InlineData("stray", "unknown option 'stray'")]
    public void Parse_UnknownOption_IsRefusedWithTheNearestKnownOne(string argument, string expected) =>
        Assert.Equal([expected], AgentCommandLine.Parse([argument]).Problems);

    [Fact]
    public void Parse_SeveralProblems_ListsThemAll()
    {
        var line = AgentCommandLine.Parse(["--duraton", "5", "--bogus", "--duration", "soon", "--Agent:Id=x"]);

        Assert.Equal(
            ["unknown option '--duraton'; did you mean --duration?", "unknown option '--bogus'", "--duration must be a positive number of seconds (got 'soon')."],
            line.Problems);
        Assert.Equal(["--Agent:Id=x"], line.Overrides);
    }
}
