using System.Numerics;
using Sensact.Devices.Imu;
using Sensact.Pipelines.Activity;
using Sensact.Simulators.Activity;
using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.Tests.Activity;

/// <summary>
/// The shipped activity model (trained on the STM32 recordings) on the simulated scene: how often its
/// decision matches the scene's truth. The scene is not tuned to the model; the number is reported.
/// </summary>
public sealed class ActivityModelOnSceneTests(ITestOutputHelper output)
{
    [Fact]
    public void ShippedModel_OnTenMinutesOfScene_ReportsAccuracyAgainstTruth()
    {
        using var classifier = OnnxActivityClassifier.Load(Path.Combine(AppContext.BaseDirectory, "models", "activity", OnnxActivityClassifier.FileName));
        var card = classifier.Card;
        var features = new float[ActivityFeatures.Count];
        var window = new ImuSample[card.WindowSize];
        var confusion = new Dictionary<(string Truth, string Predicted), int>();
        var clock = SceneClock.FromRate(card.SampleRateHz);
        var total = 0;
        var correct = 0;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var script = new ActivityScript(seed);
            var first = clock.IndexAt(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            for (long end = card.WindowSize; end <= 26 * 600; end += card.Hop)
            {
                for (var i = 0; i < card.WindowSize; i++)
                {
                    var k = first + end - card.WindowSize + i;
                    window[i] = script.SampleAt(clock.TimeOf(k), k); // m/s², as the agent's features read
                }

                // Windows that straddle two segments have no single truth: they are left out.
                var truthStart = script.SegmentAt(clock.TimeOf(first + end - card.WindowSize)).Label;
                var truth = script.SegmentAt(clock.TimeOf(first + end - 1)).Label;
                if (truth != truthStart)
                {
                    continue;
                }

                ActivityFeatures.Extract(window, features);
                var predicted = classifier.Classify(features).Label;
                confusion[(truth, predicted)] = confusion.GetValueOrDefault((truth, predicted)) + 1;
                total++;
                correct += truth == predicted ? 1 : 0;
            }
        }

        var accuracy = (double)correct / total;
        output.WriteLine($"accuracy {accuracy:P1} over {total} windows (3 seeds x 10 min)");
        foreach (var ((truth, predicted), count) in confusion.OrderBy(p => p.Key.Truth).ThenBy(p => p.Key.Predicted))
        {
            output.WriteLine($"  truth {truth,-10} predicted {predicted,-10} {count}");
        }

        Assert.True(total > 1500);
        Assert.True(accuracy > 1.0 / 3, $"accuracy {accuracy:P1}: no better than chance");
    }
}
