using System.Globalization;
using Sensact.Simulators.Training;

// Commands: train-activity [--data <folder>] [--out <folder>] [--seed N] [--window N] [--hop N] [--trainer fasttree|sdca]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: simulators train-activity [--data <folder>] [--out <folder>] [--seed N] [--window N] [--hop N] [--trainer fasttree|sdca]");
    return args.Length == 0 ? 2 : 0;
}

switch (args[0])
{
    case "train-activity":
        var options = new ActivityTrainingOptions();
        for (var i = 1; i < args.Length; i++)
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
            i++;
        }

        ActivityTrainer.Report(ActivityTrainer.Train(options, Console.Out), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: train-activity.");
        return 2;
}
