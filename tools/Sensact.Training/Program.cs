using System.Globalization;
using Sensact.Pipelines.Models;
using Sensact.Training.Activity;
using Sensact.Training.Trajectories;

const string Usage = "usage: dotnet run --project tools/Sensact.Training -- train-activity [--data <folder>] [--out <folder>] [--seed N] [--window N] [--hop N] [--trainer fasttree|sdca]\n" +
    "       dotnet run --project tools/Sensact.Training -- train-trajectory [--out <folder>] [--seed N]";

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    switch (args[0])
    {
        case "train-activity":
            ActivityTrainer.Report(ActivityTrainer.Train(ParseTrainActivity(args.AsSpan(1)), Console.Out), Console.Out);
            return 0;
        case "train-trajectory":
            TrajectoryTrainer.Report(TrajectoryTrainer.Train(ParseTrainTrajectory(args.AsSpan(1)), Console.Out), Console.Out);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: train-activity, train-trajectory.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ModelLoadException or InvalidOperationException)
{
    Console.Error.WriteLine($"{args[0]} failed: {ex.Message}");
    return 1;
}

static ActivityTrainingOptions ParseTrainActivity(ReadOnlySpan<string> args)
{
    var options = new ActivityTrainingOptions();
    for (var i = 0; i < args.Length; i += 2)
    {
        var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
        options = args[i] switch
        {
            "--data" => options with { DataFolder = value },
            "--out" => options with { OutputFolder = value },
            "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
            "--window" => options with { WindowSize = int.Parse(value, CultureInfo.InvariantCulture) },
            "--hop" => options with { Hop = int.Parse(value, CultureInfo.InvariantCulture) },
            "--trainer" => options with { Trainer = Enum.Parse<ActivityTrainerKind>(value, ignoreCase: true) },
            _ => throw new ArgumentException($"Unknown option '{args[i]}' for train-activity."),
        };
    }

    return options;
}

static TrajectoryTrainingOptions ParseTrainTrajectory(ReadOnlySpan<string> args)
{
    var options = new TrajectoryTrainingOptions();
    for (var i = 0; i < args.Length; i += 2)
    {
        var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
        options = args[i] switch
        {
            "--out" => options with { OutputFolder = value },
            "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
            _ => throw new ArgumentException($"Unknown option '{args[i]}' for train-trajectory."),
        };
    }

    return options;
}
