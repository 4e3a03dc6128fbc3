using System.Globalization;
using Sensact.Pipelines.Models;
using Sensact.Training.Activity;
using Sensact.Pipelines.Trajectories.Tracking;
using Sensact.Training.Trajectories;

const string Usage = "usage: dotnet run --project tools/Sensact.Training -- train-activity [--data <folder>] [--out <folder>] [--seed N] [--window N] [--hop N] [--trainer fasttree|sdca]\n" +
    "       dotnet run --project tools/Sensact.Training -- train-trajectory [--out <folder>] [--seed N]\n" +
    "       dotnet run --project tools/Sensact.Training -- normal-tracks --out <file.csv> [--seed N] [--minutes N] [--camera <ultraface.onnx>]";

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
        case "normal-tracks":
            var (file, seed, minutes, detector) = ParseNormalTracks(args.AsSpan(1));
            var written = detector is null
                ? NormalTracksWriter.Write(file, seed, TimeSpan.FromMinutes(minutes), 10)
                : CameraNormalTracks.Write(file, detector, new TrackerOptions { HistoryLength = 100, FrameWidth = 1, FrameHeight = 1 }, seed, TimeSpan.FromMinutes(minutes), 10);
            Console.WriteLine($"{written} normal tracks of trajectory-watch seed {seed} ({minutes} min, 10 Hz, {(detector is null ? "positions" : "camera through UltraFace and the tracker")}, fractions of the frame) written to {file}");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: train-activity, train-trajectory, normal-tracks.");
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

static (string File, int Seed, double Minutes, string? Detector) ParseNormalTracks(ReadOnlySpan<string> args)
{
    (string? file, int seed, double minutes, string? detector) = (null, 1001, 10, null);
    for (var i = 0; i < args.Length; i += 2)
    {
        var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
        switch (args[i])
        {
            case "--out": file = value; break;
            case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--minutes": minutes = double.Parse(value, CultureInfo.InvariantCulture); break;
            case "--camera": detector = value; break;
            default: throw new ArgumentException($"Unknown option '{args[i]}' for normal-tracks.");
        }
    }

    return (file ?? throw new ArgumentException("normal-tracks needs --out <file.csv>."), seed, minutes > 0 ? minutes : throw new ArgumentException("--minutes must be positive."), detector);
}
