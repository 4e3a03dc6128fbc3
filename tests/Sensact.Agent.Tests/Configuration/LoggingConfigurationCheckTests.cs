using Sensact.Agent.Configuration;

namespace Sensact.Agent.Tests.Configuration;

public sealed class LoggingConfigurationCheckTests
{
    private static readonly ConfigurationSchema Schema = new ConfigurationSchema().Custom("Logging", LoggingConfigurationCheck.Check);

    private static IReadOnlyList<string> Check(params string[] pairs) => ConfigurationChecker.Check(Configurations.Of(pairs), Schema);

    [Fact]
    public void Check_LevelNamesInAnyCase_HaveNoProblems() => Assert.Empty(Check(
        "Logging:LogLevel:Default=warning", "Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        "logging:console:loglevel:Sensact=TRACE", "Logging:LogLevel:Noisy=None"));

    [Theory]
    [InlineData("Logging:LogLevel:Default=Loud", "Logging:LogLevel:Default: 'Loud' is not a log level (one of: Trace, Debug, Information, Warning, Error, Critical, None).")]
    [InlineData("Logging:Console:LogLevel:Default=2", "Logging:Console:LogLevel:Default: '2' is not a log level (one of: Trace, Debug, Information, Warning, Error, Critical, None).")]
    [InlineData("Logging:LogLevl:Default=Warning", "Logging:LogLevl: unknown key; did you mean Logging:LogLevel?")]
    [InlineData("Logging:Consle:LogLevel:Default=Warning", "Logging:Consle: unknown key; did you mean Logging:Console?")]
    [InlineData("Logging:Console:FormatterName=json", "Logging:Console:FormatterName: unknown key")]
    [InlineData("Logging:LogLevel:Default:Deeper=Warning", "Logging:LogLevel:Default:Deeper: unknown key; Logging:LogLevel:Default takes a log level, not keys.")]
    public void Check_BadLoggingKey_NamesItAndWhy(string pair, string expected) =>
        Assert.Equal([expected], Check(pair));
}
