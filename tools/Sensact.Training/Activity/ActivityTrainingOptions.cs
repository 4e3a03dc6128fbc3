namespace Sensact.Training.Activity;

/// <summary>What <see cref="ActivityTrainer"/> trains on and where it writes.</summary>
/// <param name="DataFolder">The data set, one folder per activity.</param>
/// <param name="OutputFolder">Where the model, card, reference windows and data licence go.</param>
/// <param name="Seed">Seeds the split and the trainer.</param>
/// <param name="WindowSize">Readings per window.</param>
/// <param name="Hop">Readings between window starts.</param>
/// <param name="SampleRateHz">The data set's sample rate.</param>
/// <param name="TestFraction">The share of each label's recordings held out.</param>
/// <param name="Trainer">The ML.NET trainer.</param>
internal sealed record ActivityTrainingOptions(
    string DataFolder = "data/imu/stm32-har",
    string OutputFolder = "models/activity",
    int Seed = 1,
    int WindowSize = 52,
    int Hop = 26,
    double SampleRateHz = 26,
    double TestFraction = 0.25,
    ActivityTrainerKind Trainer = ActivityTrainerKind.FastTree);
