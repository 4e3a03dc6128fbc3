namespace Sensact.Agent.Tests.Configuration;

/// <summary>An enum for the checker's tests.</summary>
public enum SampleMode
{
    /// <summary>The first mode.</summary>
    First,

    /// <summary>The second mode.</summary>
    Second,
}
