using Microsoft.Extensions.Options;
using Sensact.Agent.ConsoleView;
using Sensact.Pipelines.Events;

namespace Sensact.Agent.Tests.ConsoleView;

public sealed class DecisionConsoleViewTests
{
    private static readonly Decision Walking = new(
        "activity", "walking", 0.97f, TimeSpan.FromMilliseconds(2.34),
        new DateTimeOffset(2026, 11, 25, 12, 0, 1, 250, TimeSpan.Zero), "imu0", 3,
        new Dictionary<string, float> { ["walking"] = 0.97f });

    [Fact]
    public void Format_Decision_ShowsTimeLabelConfidenceLatencyAndTruth()
    {
        var line = DecisionConsoleView.Format(Walking with { Truth = "walking" });

        Assert.Equal("12:00:01.250  activity  walking      0.97      2.3 ms  truth walking", line);
    }

    [Fact]
    public void Format_OtherKind_ShowsTheKind()
    {
        var line = DecisionConsoleView.Format(new Ping("watch", Walking.OriginatingTime, "cam", 0, TimeSpan.FromMilliseconds(1)));

        Assert.Equal("12:00:01.250  watch     ping                   1.0 ms", line);
    }

    [Fact]
    public void Publish_Disabled_WritesNothing()
    {
        using var writer = new StringWriter();
        var view = new DecisionConsoleView(Options.Create(new ConsoleViewOptions { Enabled = false }), writer);

        view.Publish(Walking);

        Assert.Empty(writer.ToString());
    }

    [Fact]
    public void Publish_Enabled_WritesOneLine()
    {
        using var writer = new StringWriter();
        var view = new DecisionConsoleView(Options.Create(new ConsoleViewOptions()), writer);

        view.Publish(Walking);

        Assert.Equal(DecisionConsoleView.Format(Walking) + Environment.NewLine, writer.ToString());
    }

    private sealed record Ping(string App, DateTimeOffset OriginatingTime, string Source, long Sequence, TimeSpan Latency)
        : AppEvent(App, OriginatingTime, Source, Sequence, Latency)
    {
        public override string Kind => "ping";
    }
}
