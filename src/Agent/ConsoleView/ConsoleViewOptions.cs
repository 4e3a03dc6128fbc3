namespace Sensact.Agent.ConsoleView;

/// <summary>The live console view: configuration section <c>ConsoleView</c>.</summary>
public sealed class ConsoleViewOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "ConsoleView";

    /// <summary>Gets or sets whether each decision is printed as one line (turn off under systemd to keep the journal quiet).</summary>
    public bool Enabled { get; set; } = true;
}
