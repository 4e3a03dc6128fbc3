using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Tests.Configuration;

/// <summary>Builds in-memory configurations for the checker's tests.</summary>
internal static class Configurations
{
    /// <summary>A configuration of <c>key=value</c> pairs.</summary>
    public static IConfigurationRoot Of(params string[] pairs) => new ConfigurationBuilder()
        .AddInMemoryCollection(pairs.Select(pair => pair.Split('=', 2)).Select(parts => new KeyValuePair<string, string?>(parts[0], parts.Length > 1 ? parts[1] : null)))
        .Build();
}
