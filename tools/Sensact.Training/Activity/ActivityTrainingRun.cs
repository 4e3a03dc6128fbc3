namespace Sensact.Training.Activity;

/// <summary>What a model's card records of the training run that made it, besides labels and window.</summary>
/// <param name="Trainer">How the model was trained.</param>
/// <param name="DataSet">The data set's folder name.</param>
/// <param name="TestFraction">The share of each label's recordings held out.</param>
/// <param name="Seed">The seed of the split and the trainer.</param>
/// <param name="TrainRecordings">Recordings trained on.</param>
/// <param name="TestRecordings">Recordings held out.</param>
/// <param name="TrainWindows">Windows trained on.</param>
/// <param name="TestWindows">Held-out windows.</param>
internal sealed record ActivityTrainingRun(
    string Trainer,
    string DataSet,
    double TestFraction,
    int Seed,
    int TrainRecordings,
    int TestRecordings,
    int TrainWindows,
    int TestWindows);
