using Sensact.Devices.Imu;
using Sensact.Training.Activity;

namespace Sensact.Training.Tests.Activity;

public class ActivityDataSplitTests
{
    private static ImuRecording Recording(string label, int index) => new($"{label}_{index:00}", label, [new ImuSample()], 0);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(42)]
    public void ByRecording_RealDataSet_NoRecordingOnBothSides(int seed)
    {
        var split = ActivityDataSplit.ByRecording(TestData.DataSet, 0.25, seed);

        var train = split.Train.Select(r => (r.Label, r.Name)).ToHashSet();
        Assert.DoesNotContain(split.Test, r => train.Contains((r.Label, r.Name)));
        Assert.Equal(TestData.DataSet.Count, split.Train.Count + split.Test.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(42)]
    public void ByRecording_RealDataSet_EveryLabelOnBothSidesAboutAQuarterHeldOut(int seed)
    {
        var split = ActivityDataSplit.ByRecording(TestData.DataSet, 0.25, seed);

        foreach (var label in TestData.DataSet.Select(r => r.Label).Distinct())
        {
            var total = TestData.DataSet.Count(r => r.Label == label);
            var held = split.Test.Count(r => r.Label == label);
            Assert.Contains(split.Train, r => r.Label == label);
            Assert.Equal(Math.Round(total * 0.25, MidpointRounding.AwayFromZero), held);
        }
    }

    [Fact]
    public void ByRecording_SameSeed_SameSplit()
    {
        var first = ActivityDataSplit.ByRecording(TestData.DataSet, 0.25, 7);
        var second = ActivityDataSplit.ByRecording(TestData.DataSet.Reverse().ToList(), 0.25, 7);

        Assert.Equal(first.Test.Select(r => r.Name).Order(StringComparer.Ordinal), second.Test.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ByRecording_OtherSeed_OtherSplit()
    {
        var first = ActivityDataSplit.ByRecording(TestData.DataSet, 0.25, 1);
        var second = ActivityDataSplit.ByRecording(TestData.DataSet, 0.25, 2);

        Assert.NotEqual(first.Test.Select(r => r.Name).Order(StringComparer.Ordinal), second.Test.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ByRecording_TwoRecordingsOfALabel_OneOnEachSide()
    {
        var split = ActivityDataSplit.ByRecording([Recording("a", 1), Recording("a", 2), Recording("b", 1), Recording("b", 2)], 0.1, 3);

        Assert.Equal(["a", "b"], split.Test.Select(r => r.Label));
        Assert.Equal(["a", "b"], split.Train.Select(r => r.Label));
    }

    [Fact]
    public void ByRecording_LabelWithOneRecording_ThrowsNamingLabel()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ActivityDataSplit.ByRecording([Recording("a", 1), Recording("a", 2), Recording("lonely", 1)], 0.25, 1));

        Assert.Contains("'lonely'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ByRecording_FractionOutOfRange_ThrowsArgumentOutOfRange(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>("testFraction", () => ActivityDataSplit.ByRecording([], fraction, 1));
}
