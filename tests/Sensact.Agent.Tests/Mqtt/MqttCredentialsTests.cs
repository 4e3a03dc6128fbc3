using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class MqttCredentialsTests
{
    [Fact]
    public void Password_FromFile_IsItsFirstLineWithoutTheNewline()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "s3cret\nignored\n");

            Assert.Equal("s3cret", MqttCredentials.Password(new MqttOptions { PasswordFile = file }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Password_Configured_WinsAndNoFileIsRead() =>
        Assert.Equal("p", MqttCredentials.Password(new MqttOptions { Password = "p", PasswordFile = "/no/such/file" }));

    [Theory]
    [InlineData("p", "/no/such/file", "not both")]
    [InlineData(null, "/no/such/file", "does not exist")]
    public void Validator_BadPasswordFile_NamesTheKey(string? password, string file, string reason)
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Password = password, PasswordFile = file });

        Assert.True(result.Failed);
        Assert.Contains("Mqtt:PasswordFile", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
    }
}
