using Microsoft.Extensions.Options;
using Sensact.Agent.ConsoleView;
using Sensact.Pipelines.Decisions;

namespace Sensact.Agent.Tests.ConsoleView;

public sealed class DecisionConsoleViewTests
{
    private static readonly Decision Walking = new(
        "activity", "walking", 0.97f, TimeSpan.FromMilliseconds(2.34),
        new DateTimeOffset(2026, 11, 25, 12, 0, 1, 250, TimeSpan.Zero), "imu0", 3,
        new Dictionary<string, float> { ["walking"] = 0.97f });

    [Fact]
    public void Format_Decision_ShowsTimeLabelConfidenceAndLatency()
    {
        var line = DecisionConsoleView.Format(Walking, truth: "walking");

        Assert.Equal("12:00:01.250  activity  walking      0.97      2.3 ms  truth walking", line);
    }

    [Fact]
    public void Show_Disabled_WritesNothing()
    {
        using var writer = new StringWriter();
        var view = new DecisionConsoleView(Options.Create(new ConsoleViewOptions { Enabled = false }), writer);

        view.Show(Walking);

        Assert.Empty(writer.ToString());
    }

    [Fact]
    public void Show_Enabled_WritesOneLine()
    {
        using var writer = new StringWriter();
        var view = new DecisionConsoleView(Options.Create(new ConsoleViewOptions()), writer);

        view.Show(Walking);

        Assert.Equal(DecisionConsoleView.Format(Walking) + Environment.NewLine, writer.ToString());
    }
}
