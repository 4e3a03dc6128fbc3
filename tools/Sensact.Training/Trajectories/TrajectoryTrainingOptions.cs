namespace Sensact.Training.Trajectories;

/// <summary>What <see cref="TrajectoryTrainer"/> trains on and where it writes.</summary>
/// <param name="OutputFolder">Where the model and its card go.</param>
/// <param name="Seed">The training scene's seed and the trainer's; the held-out scene is seed + 1000.</param>
/// <param name="TrainMinutes">Minutes of the training scene.</param>
/// <param name="TestMinutes">Minutes of the held-out scene.</param>
/// <param name="RateHz">The sample rate of the tracks.</param>
internal sealed record TrajectoryTrainingOptions(
    string OutputFolder = "models/trajectory",
    int Seed = 1,
    double TrainMinutes = 20,
    double TestMinutes = 10,
    double RateHz = 10);
