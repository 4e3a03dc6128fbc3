namespace Sensact.Training.Activity;

/// <summary>The ML.NET trainers the activity model can be trained with.</summary>
internal enum ActivityTrainerKind
{
    /// <summary>Boosted trees, one versus all, calibrated.</summary>
    FastTree,

    /// <summary>Multinomial logistic regression (SDCA) on mean-variance normalised features.</summary>
    Sdca,
}
