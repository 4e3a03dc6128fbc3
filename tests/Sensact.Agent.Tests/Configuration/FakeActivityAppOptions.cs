namespace Sensact.Agent.Tests.Configuration;

/// <summary>An app entry picked by <c>Kind=activity</c>, for the named-sections tests.</summary>
public sealed class FakeActivityAppOptions
{
    /// <summary>Gets or sets the kind.</summary>
    public string Kind { get; set; } = "activity";

    /// <summary>Gets or sets whether the app runs.</summary>
    public bool Enabled { get; set; }
}
