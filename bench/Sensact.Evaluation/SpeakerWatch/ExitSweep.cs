using Sensact.Pipelines.Aggregation;

namespace Sensact.Evaluation.SpeakerWatch;

/// <summary>
/// Accuracy against the exit threshold, replayed from recorded unit scores: every window's units in
/// originating-time order through the same evidence rule, deciding at the first unit after which the
/// confidence passes the threshold (early exit, no skipping), or at the window's end.
/// </summary>
internal static class ExitSweep
{
    public static readonly float[] Thresholds = [0.5f, 0.6f, 0.7f, 0.8f, 0.85f, 0.9f, 0.95f, 0.99f];

    /// <summary>One threshold's result.</summary>
    /// <param name="Threshold">The exit threshold.</param>
    /// <param name="Accuracy">The share of windows decided right.</param>
    /// <param name="UnitsEncoded">The share of the windows' units encoded before the decision.</param>
    public readonly record struct Point(float Threshold, double Accuracy, double UnitsEncoded);

    /// <summary>A window's recorded units (modality index, score) in originating-time order, and its truth.</summary>
    /// <param name="Units">The units.</param>
    /// <param name="Present">Whether a person spoke in view.</param>
    public sealed record Window(IReadOnlyList<(int Modality, float Score)> Units, bool Present);

    public static List<Point> Run(IEvidenceRule rule, IReadOnlyList<ModalityDescriptor> modalities, IReadOnlyList<Window> windows, int minUnits)
    {
        var points = new List<Point>();
        var evidence = rule.CreateEvidence(modalities);
        var progress = new ModalityProgress[modalities.Count];
        var probabilities = new float[rule.Labels.Count];
        var scores = new float[1];
        foreach (var threshold in Thresholds)
        {
            var correct = 0;
            long encoded = 0, total = 0;
            foreach (var window in windows)
            {
                evidence.Reset();
                var seen = new int[modalities.Count];
                var used = window.Units.Count;
                for (var u = 0; u < window.Units.Count; u++)
                {
                    var (m, score) = window.Units[u];
                    scores[0] = score;
                    evidence.Add(m, scores);
                    seen[m]++;
                    if (Predict(evidence, modalities, seen, progress, probabilities, complete: false) >= threshold && u + 1 >= minUnits)
                    {
                        used = u + 1;
                        break;
                    }
                }

                if (used == window.Units.Count)
                {
                    Predict(evidence, modalities, seen, progress, probabilities, complete: true);
                }

                correct += (probabilities[0] >= probabilities[1]) == window.Present ? 1 : 0;
                encoded += used;
                total += window.Units.Count;
            }

            points.Add(new Point(threshold, windows.Count == 0 ? double.NaN : (double)correct / windows.Count, total == 0 ? double.NaN : (double)encoded / total));
        }

        return points;
    }

    private static float Predict(IWindowEvidence evidence, IReadOnlyList<ModalityDescriptor> modalities, int[] seen, ModalityProgress[] progress, float[] probabilities, bool complete)
    {
        for (var m = 0; m < modalities.Count; m++)
        {
            progress[m] = new ModalityProgress(modalities[m].UnitsExpected, seen[m], 0, 0, complete);
        }

        return evidence.Predict(progress, probabilities);
    }
}
