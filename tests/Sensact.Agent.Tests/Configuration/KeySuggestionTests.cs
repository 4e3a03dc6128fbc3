using Sensact.Agent.Configuration;

namespace Sensact.Agent.Tests.Configuration;

public sealed class KeySuggestionTests
{
    [Theory]
    [InlineData("Prot", "Port")]
    [InlineData("Agnet", "Agent")]
    [InlineData("HOST", "Host")]
    [InlineData("Hots", "Host")]
    [InlineData("--duraton", "--duration")]
    public void Nearest_CloseName_ReturnsTheKnownOne(string name, string expected) =>
        Assert.Equal(expected, KeySuggestion.Nearest(name, ["Agent", "Port", "Host", "--duration", "--help"]));

    [Theory]
    [InlineData("bogus")]
    [InlineData("Pt")]
    [InlineData("")]
    public void Nearest_NothingClose_ReturnsNull(string name) =>
        Assert.Null(KeySuggestion.Nearest(name, ["Port", "Host", "--help"]));
}
