using System.Text.Json.Serialization;

namespace Sensact.Pipelines.Models;

/// <summary>One input or output of a model, as its <see cref="ModelCard"/> names it.</summary>
/// <param name="Name">The tensor's name in the model.</param>
/// <param name="ElementType">
/// The element type, as ONNX names it in lower case: <c>float</c>, <c>double</c>, <c>int8</c>,
/// <c>uint8</c>, <c>int16</c>, <c>uint16</c>, <c>int32</c>, <c>uint32</c>, <c>int64</c>,
/// <c>uint64</c>, <c>bool</c> or <c>string</c> (strings only for constant inputs).
/// </param>
/// <param name="Shape">The dimensions; <c>-1</c> where the model's dimension is symbolic (one is fed).</param>
/// <param name="Constant">
/// An input the model requires but the application does not feed: it gets a fixed tensor of zeros
/// (empty strings). ML.NET's export keeps the training label as such an input.
/// </param>
/// <param name="ElementNames">
/// What each element along the last dimension means (a feature vector's features), in order; null
/// where they have no names.
/// </param>
public sealed record TensorSpec(
    string Name,
    string ElementType,
    IReadOnlyList<long> Shape,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Constant = false,
    IReadOnlyList<string>? ElementNames = null)
{
    /// <summary>Gets how many elements a tensor of <see cref="Shape"/> holds when every symbolic dimension is 1.</summary>
    internal long ElementCount => Shape.Aggregate(1L, (count, dimension) => count * Math.Max(dimension, 1));

    /// <summary>Describes the tensor for messages: <c>'Features' float [-1, 18]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"'{Name}' {ElementType} [{string.Join(", ", Shape)}]";
}
