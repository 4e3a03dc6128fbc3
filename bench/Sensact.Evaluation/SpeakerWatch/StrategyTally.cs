using Sensact.Pipelines.Multimodal;

namespace Sensact.Evaluation.SpeakerWatch;

/// <summary>One strategy's windows over every scene: decisions against truth, latencies, encoder calls and sensing time.</summary>
internal sealed class StrategyTally(InferenceStrategy strategy)
{
    public InferenceStrategy Strategy { get; } = strategy;

    public string Name => InferenceStrategyNames.ToName(Strategy);

    /// <summary>Gets each expected window's label (null when missing or failed), by (seed, window).</summary>
    public Dictionary<(int Seed, long Window), string?> Labels { get; } = [];

    public List<double> EndToEndMs { get; } = [];

    public List<double> PostSensingMs { get; } = [];

    public Dictionary<string, long> Invocations { get; } = new(StringComparer.Ordinal) { ["audio"] = 0, ["camera"] = 0 };

    public Dictionary<string, double> SensorOnSeconds { get; } = new(StringComparer.Ordinal) { ["audio"] = 0, ["camera"] = 0 };

    public int Windows { get; set; }

    public int Correct { get; set; }

    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public int BudgetViolations { get; set; }

    public int Failed { get; set; }

    public int ExitedEarly { get; set; }

    public double Accuracy => Windows == 0 ? double.NaN : (double)Correct / Windows;

    public double F1 => TruePositives == 0 ? 0 : 2.0 * TruePositives / ((2.0 * TruePositives) + FalsePositives + FalseNegatives);
}
