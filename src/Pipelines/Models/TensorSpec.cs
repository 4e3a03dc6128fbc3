using System.Text.Json.Serialization;

namespace Sensact.Pipelines.Models;

/// <summary>One input or output of a model, as its <see cref="ModelCard"/> names it.</summary>
/// <param name="Name">The tensor's name in the model.</param>
/// <param name="ElementType">
/// The element type, as ONNX names it in lower case: <c>float</c>, <c>double</c>, <c>int8</c>,
/// <c>uint8</c>, <c>int16</c>, <c>uint16</c>, <c>int32</c>, <c>uint32</c>, <c>int64</c>,
/// <c>uint64</c>, <c>bool</c> or <c>string</c> (strings only for constant inputs).
/// </param>
/// <param name="Shape">
/// The dimensions, as the model declares them; <c>-1</c> where the model's dimension is symbolic,
/// empty (<c>[]</c>) for a scalar.
/// </param>
/// <param name="Constant">
/// An input the model requires but the application does not feed: it gets a fixed tensor of zeros
/// (empty strings). ML.NET's export keeps the training label as such an input.
/// </param>
/// <param name="ElementNames">
/// What each element along the last dimension means (a feature vector's features), in order; null
/// where they have no names.
/// </param>
/// <param name="Feed">
/// The dimensions the buffer is allocated and fed with, where the model has symbolic ones (Silero VAD
/// reads <c>[-1, -1]</c> and is fed <c>[1, 576]</c>): same rank as <see cref="Shape"/>, each at least 1
/// and equal to <see cref="Shape"/>'s where that is not <c>-1</c>. Null: every symbolic dimension is fed as 1.
/// </param>
/// <param name="Value">
/// The number every element of a <see cref="Constant"/> input holds (Silero VAD's sample rate,
/// <c>16000</c>); null: zeros. Not for string or bool tensors; whole for integer tensors.
/// </param>
public sealed record TensorSpec(
    string Name,
    string ElementType,
    IReadOnlyList<long> Shape,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Constant = false,
    IReadOnlyList<string>? ElementNames = null,
    IReadOnlyList<long>? Feed = null,
    double? Value = null)
{
    /// <summary>Gets the dimensions the buffer has: <see cref="Feed"/>, or <see cref="Shape"/> with every symbolic dimension 1.</summary>
    internal long[] FedShape => [.. (Feed ?? Shape).Select(dimension => Math.Max(dimension, 1))];

    /// <summary>Gets how many elements the buffer holds (<see cref="FedShape"/>; 1 for a scalar).</summary>
    internal long ElementCount => FedShape.Aggregate(1L, (count, dimension) => count * dimension);

    /// <summary>Describes the tensor for messages: <c>'Features' float [-1, 18]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"'{Name}' {ElementType} [{string.Join(", ", Shape)}]";
}
