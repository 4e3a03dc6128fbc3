using Sensact.Pipelines.Models;

namespace Sensact.Training.Trajectories;

/// <summary>What a training run wrote and measured (held-out figures in units of the history's scale s).</summary>
/// <param name="Card">The card written.</param>
/// <param name="ModelPath">The model written.</param>
/// <param name="TrainTracks">Normal tracks trained on.</param>
/// <param name="TrainRows">Rows trained on.</param>
/// <param name="TestTracks">Normal held-out tracks.</param>
/// <param name="TestRows">Held-out rows.</param>
/// <param name="ResidualVarianceDx">Variance of the model's dx error on held-out rows (ONNX Runtime).</param>
/// <param name="ResidualVarianceDy">Variance of its dy error.</param>
/// <param name="Rmse">Root mean square error over dx and dy on held-out rows.</param>
/// <param name="ConstantVelocityRmse">The same for the constant-velocity guess (next = last displacement).</param>
/// <param name="MaxDifferenceFromMlNet">The largest difference between ONNX Runtime's output and ML.NET's own predictions.</param>
internal sealed record TrajectoryTrainingResult(
    ModelCard Card,
    string ModelPath,
    int TrainTracks,
    int TrainRows,
    int TestTracks,
    int TestRows,
    double ResidualVarianceDx,
    double ResidualVarianceDy,
    double Rmse,
    double ConstantVelocityRmse,
    double MaxDifferenceFromMlNet);
