using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;
using Sensact.Training.Activity;

namespace Sensact.Training.Tests.Activity;

/// <summary>
/// The trainer computes features from the recordings' own milli-g (so it reproduces the shipped model
/// bit for bit); the agent computes them from m/s². Both must describe the same windows, and the
/// shipped model must decide the same on both.
/// </summary>
public sealed class ActivityUnitsTests
{
    private static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, "models", "activity", OnnxActivityClassifier.FileName);

    [Fact]
    public void ShippedModel_SiReadingsAndTrainersMilliG_SameFeaturesToFloatPrecisionAndSameDecisions()
    {
        var si = ImuCsv.ReadDataSet(TestData.Folder);
        var milliG = ImuCsv.ReadDataSet(TestData.Folder, logger: null, stm32Scale: 1);
        using var classifier = OnnxActivityClassifier.Load(ModelPath);
        var agent = new float[ActivityFeatures.Count];
        var trainer = new float[ActivityFeatures.Count];
        var (windows, values, differing) = (0, 0, 0);
        var (largestFeature, largestProbability) = (0.0, 0.0);

        for (var r = 0; r < si.Count; r++)
        {
            var siWindows = ActivityWindow.Cut(si[r], 52, 26).ToList();
            var milliGWindows = ActivityWindow.Cut(milliG[r], 52, 26).ToList();
            for (var w = 0; w < siWindows.Count; w++)
            {
                ActivityFeatures.Extract(siWindows[w].Samples, agent);
                ActivityFeatures.ExtractInUnits(milliGWindows[w].Samples, trainer, unitsPerG: 1000);
                for (var f = 0; f < agent.Length; f++)
                {
                    // Features are near unit scale; skewness of a still window is ill-conditioned, so absolute.
                    largestFeature = Math.Max(largestFeature, Math.Abs(agent[f] - trainer[f]));
                    differing += agent[f] == trainer[f] ? 0 : 1;
                    values++;
                }

                var fromSi = classifier.Classify(agent);
                var label = fromSi.Label;
                var probabilities = fromSi.Probabilities.ToArray();
                var fromMilliG = classifier.Classify(trainer);
                Assert.Equal(fromMilliG.Label, label);
                for (var c = 0; c < probabilities.Length; c++)
                {
                    largestProbability = Math.Max(largestProbability, Math.Abs(probabilities[c] - fromMilliG.Probabilities[c]));
                }

                windows++;
            }
        }

        Assert.True(windows > 1000, $"{windows} windows");
        Assert.True(largestFeature < 1e-3, $"largest feature difference {largestFeature:E2} ({differing} of {values} values differ)");
        Assert.True(largestProbability < 1e-4, $"largest probability difference {largestProbability:E2}");
    }
}
