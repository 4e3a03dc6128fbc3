using Microsoft.Extensions.Options;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class TopicsTests
{
    private readonly Topics _topics = new(Options.Create(new AgentOptions { Fleet = "field", Id = "pi-7" }));

    [Fact]
    public void Status_IsUnderFleetAndAgent() => Assert.Equal("sensact/v1/field/pi-7/status", _topics.Status);

    [Fact]
    public void Events_NamesThePipeline() => Assert.Equal("sensact/v1/field/pi-7/events/activity", _topics.Events("activity"));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a+")]
    [InlineData("#")]
    [InlineData(" ")]
    [InlineData("pi 7")]
    [InlineData("pi\t7")]
    [InlineData("pi\u00077")]
    public void AgentOptionsValidator_IdThatIsNotOneTopicLevel_Fails(string id)
    {
        var result = new AgentOptionsValidator().Validate(null, new AgentOptions { Id = id });

        Assert.True(result.Failed);
        Assert.Contains("Agent:Id", result.FailureMessage, StringComparison.Ordinal);
    }
}
