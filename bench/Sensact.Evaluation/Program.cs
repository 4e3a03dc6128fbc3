using System.Globalization;
using System.Text.Json;
using Sensact.Evaluation;
using Sensact.Evaluation.Reporting;

// dotnet run -c Release --project bench/Sensact.Evaluation -- --app <name> [--windows N] [--seed N] --json FILE [--docs docs/benchmarks.md] [--plots docs/images]
const string Usage = "usage: dotnet run -c Release --project bench/Sensact.Evaluation -- --app <name> [--windows N] [--seed N] --json FILE [--docs FILE] [--plots FOLDER]";

string? app = null, json = null, docs = null, plots = null;
int? windows = null;
var seed = 1;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
        switch (args[i])
        {
            case "--app": app = value; break;
            case "--windows": windows = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--json": json = value; break;
            case "--docs": docs = value; break;
            case "--plots": plots = value; break;
            default: throw new ArgumentException($"Unknown option '{args[i]}'.");
        }

        i++;
    }

    if (app is null || json is null)
    {
        throw new ArgumentException("--app and --json are required.");
    }

    if (!Evaluations.All.TryGetValue(app, out var evaluation))
    {
        throw new ArgumentException($"Unknown application '{app}'; known: {string.Join(", ", Evaluations.All.Keys)}.");
    }

    if (windows is <= 0)
    {
        throw new ArgumentException("--windows must be positive.");
    }

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    var run = new EvaluationRun(evaluation.App, windows ?? evaluation.DefaultWindows, seed, plots);
    var result = await evaluation.RunAsync(run, new ConsoleProgress(Console.Error, TimeSpan.FromSeconds(5)), stop.Token);
    await File.WriteAllTextAsync(json, result.Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    if (docs is not null)
    {
        DocsSection.Write(docs, evaluation.App, result.Markdown);
    }

    Console.WriteLine(result.Markdown);
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
