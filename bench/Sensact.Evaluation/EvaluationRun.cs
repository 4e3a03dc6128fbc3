namespace Sensact.Evaluation;

/// <summary>The options of one run of the evaluation runner.</summary>
/// <param name="App">The application evaluated.</param>
/// <param name="Windows">How many windows (or the evaluation's unit) to run; bounds a quick run.</param>
/// <param name="Seed">The first scene's seed; scenes are <c>Seed</c>, <c>Seed + 1</c>, ...</param>
/// <param name="PlotsFolder">Where PNG plots go; none are written when <c>null</c>.</param>
internal sealed record EvaluationRun(string App, int Windows, int Seed, string? PlotsFolder);
