using System.Text.Json.Nodes;

namespace Sensact.Evaluation;

/// <summary>One application's evaluation: fixed, seeded scenes, real models, every variant compared in one process.</summary>
internal interface IEvaluation
{
    /// <summary>Gets the application's name, as given to <c>--app</c>.</summary>
    string App { get; }

    /// <summary>Gets the number of windows (or tracks, or seconds: the evaluation's unit) a run covers without <c>--windows</c>.</summary>
    int DefaultWindows { get; }

    /// <summary>Runs the evaluation.</summary>
    /// <param name="run">The run's options.</param>
    /// <param name="progress">Where progress lines go (long runs report every few seconds).</param>
    /// <param name="cancellation">Stops the run early.</param>
    /// <returns>The result: the JSON document, and the markdown and plots for docs/benchmarks.md.</returns>
    Task<EvaluationResult> RunAsync(EvaluationRun run, IProgress<string> progress, CancellationToken cancellation);
}

/// <summary>What one evaluation produced.</summary>
/// <param name="Json">The JSON document; its first member is <c>app</c>.</param>
/// <param name="Markdown">The tables for docs/benchmarks.md (between the application's markers).</param>
internal sealed record EvaluationResult(JsonObject Json, string Markdown);
