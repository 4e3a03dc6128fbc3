using Sensact.Pipelines.Models;

namespace Sensact.Training.Activity;

/// <summary>What a training run produced and measured.</summary>
/// <param name="Card">The model card written beside the model.</param>
/// <param name="ModelPath">The ONNX file.</param>
/// <param name="Run">The split and the counts of recordings and windows.</param>
/// <param name="HeldOutAccuracy">Window accuracy on the held-out recordings, measured with ONNX Runtime, rounded to 4 digits.</param>
/// <param name="Confusion">Held-out counts by true label (row) and ONNX Runtime's label (column), in card label order.</param>
/// <param name="Agreement">Share of held-out windows where ML.NET and ONNX Runtime chose the same label.</param>
/// <param name="MaxProbabilityDifference">The largest difference between an ML.NET and an ONNX Runtime probability.</param>
internal sealed record ActivityTrainingResult(
    ModelCard Card,
    string ModelPath,
    ActivityTrainingRun Run,
    double HeldOutAccuracy,
    int[,] Confusion,
    double Agreement,
    double MaxProbabilityDifference)
{
    /// <summary>Gets the held-out recall of each label, in card label order.</summary>
    public IReadOnlyList<double> Recall =>
        Enumerable.Range(0, Card.Labels.Count).Select(row =>
        {
            var total = Enumerable.Range(0, Card.Labels.Count).Sum(column => Confusion[row, column]);
            return total == 0 ? 0 : (double)Confusion[row, row] / total;
        }).ToList();
}
