using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sensact.Agent.Commands;

namespace Sensact.Agent.Tests.Commands;

public sealed class ConfigGetCommandTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(
        [
            new("Agent:Id", "pi-7"),
            new("Mqtt:Host", "broker.local"),
            new("Mqtt:Username", "agent"),
            new("Mqtt:Password", "s3cret"),
            new("Apps:activity:Kind", "activity"),
            new("Apps:activity:Delivery:Capacity", "64"),
            new("contentRoot", "/opt/sensact"),
        ])
        .Build();

    [Fact]
    public void Execute_NoKey_ReturnsTheAgentsSectionsWithTheSecretHidden()
    {
        var result = new ConfigGetCommand(Configuration).Execute([])!;

        Assert.Equal("pi-7", result["Agent"]!["Id"]!.GetValue<string>());
        Assert.Equal("***", result["Mqtt"]!["Password"]!.GetValue<string>());
        Assert.Equal("agent", result["Mqtt"]!["Username"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret", result.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(result["contentRoot"]);
    }

    [Fact]
    public void Execute_Key_ReturnsThatSubtree() =>
        Assert.Equal("64", new ConfigGetCommand(Configuration).Execute(new JsonObject { ["key"] = "Apps:activity" })!["Delivery"]!["Capacity"]!.GetValue<string>());

    [Theory]
    [InlineData("contentRoot")]
    [InlineData("Apps:nope")]
    public void Execute_KeyOutsideTheAgentsSectionsOrMissing_IsABadRequest(string key)
    {
        var error = Assert.Throws<CommandException>(() => new ConfigGetCommand(Configuration).Execute(new JsonObject { ["key"] = key }));

        Assert.Equal(CommandException.BadRequest, error.Code);
    }
}
