using Sensact.Pipelines.Exits;

namespace Sensact.Pipelines.Tests.Exits;

public sealed class ThresholdSkipGateTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(1.1f)]
    [InlineData(float.NaN)]
    public void Create_ThresholdOutOfRange_Throws(float threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(nameof(threshold), () => new ThresholdSkipGate(threshold));

    [Theory]
    [InlineData(0.79f, 5, false)]
    [InlineData(0.8f, 5, true)]
    [InlineData(0.99f, 1, false)]
    public void ShouldSkip_ConfidenceAndUnits_SkipsAtTheThresholdAfterTheMinimum(float confidence, int units, bool expected) =>
        Assert.Equal(expected, new ThresholdSkipGate(0.8f, minFastUnits: 2).ShouldSkip(new SkipGateInput([0.1f, 0.8f, 0.5f], confidence, units)));
}
