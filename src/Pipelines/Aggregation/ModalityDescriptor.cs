namespace Sensact.Pipelines.Aggregation;

/// <summary>What an evidence rule is told about one modality of a pipeline.</summary>
/// <param name="Name">The modality's name (for example <c>audio</c>).</param>
/// <param name="Scores">The names of the scores its encoder writes per unit, in order.</param>
/// <param name="UnitsExpected">Units a complete window holds.</param>
public sealed record ModalityDescriptor(string Name, IReadOnlyList<string> Scores, int UnitsExpected);
