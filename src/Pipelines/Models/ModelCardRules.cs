using static System.FormattableString;

namespace Sensact.Pipelines.Models;

/// <summary>What every model card must satisfy, whatever the model does.</summary>
internal static class ModelCardRules
{
    /// <summary>Gets the element types a card may name.</summary>
    public static IReadOnlyList<string> ElementTypes { get; } =
        ["float", "double", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "bool", "string"];

    /// <summary>Finds the first thing wrong with a card.</summary>
    /// <returns>What is wrong, naming the field; null when the card is consistent.</returns>
    public static string? FirstProblem(ModelCard card)
    {
        if (card.Labels.Any(string.IsNullOrEmpty))
        {
            return "Labels holds an empty label.";
        }

        if (card.Labels.Distinct(StringComparer.Ordinal).Count() != card.Labels.Count)
        {
            return $"Labels names a label twice ({string.Join(", ", card.Labels)}).";
        }

        if (card.SampleRateHz is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            return Invariant($"SampleRateHz must be positive (got {rate}).");
        }

        if (card.WindowSize < 1 || card.Hop < 1)
        {
            return Invariant($"WindowSize and Hop must be at least 1 where given (got {card.WindowSize}, {card.Hop}).");
        }

        return Tensors(card.Inputs, "Inputs", inputs: true) ?? Tensors(card.Outputs, "Outputs", inputs: false);
    }

    private static string? Tensors(IReadOnlyList<TensorSpec>? tensors, string field, bool inputs)
    {
        if (tensors is null || tensors.Count == 0)
        {
            return $"{field} must name at least one tensor.";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            if (tensor is null || string.IsNullOrEmpty(tensor.Name))
            {
                return $"{field} holds a tensor without a name.";
            }

            if (!names.Add(tensor.Name))
            {
                return $"{field} names '{tensor.Name}' twice.";
            }

            var problem = Tensor(tensor, inputs);
            if (problem is not null)
            {
                return $"{field} '{tensor.Name}': {problem}";
            }
        }

        return null;
    }

    private static string? Tensor(TensorSpec tensor, bool input)
    {
        if (!ElementTypes.Contains(tensor.ElementType, StringComparer.Ordinal))
        {
            return $"ElementType must be one of {string.Join(", ", ElementTypes)} (got '{tensor.ElementType}').";
        }

        if (tensor.Shape is null || tensor.Shape.Any(d => d is 0 or < -1))
        {
            var shape = tensor.Shape is null ? "none" : $"[{string.Join(", ", tensor.Shape)}]";
            return $"Shape must have each dimension -1 (symbolic) or at least 1, [] for a scalar (got {shape}).";
        }

        if (tensor.Feed is { } feed && (feed.Count != tensor.Shape.Count || feed.Where((d, i) => d < 1 || (tensor.Shape[i] != -1 && d != tensor.Shape[i])).Any()))
        {
            return $"Feed [{string.Join(", ", feed)}] must have Shape's rank, each dimension at least 1 and equal to Shape's where that is not -1 (Shape [{string.Join(", ", tensor.Shape)}]).";
        }

        if (tensor.Value is { } value && Value(tensor, value, input) is { } valueProblem)
        {
            return valueProblem;
        }

        if (tensor.Constant && !input)
        {
            return "an output cannot be Constant.";
        }

        if (tensor.ElementType == "string" && !tensor.Constant)
        {
            return "string tensors can only be Constant inputs (fed empty strings).";
        }

        if (tensor.ElementNames is not null && tensor.Shape.Count == 0)
        {
            return "ElementNames cannot name the elements of a scalar.";
        }

        if (tensor.ElementNames is { } elementNames && tensor.Shape[^1] != -1 && elementNames.Count != tensor.Shape[^1])
        {
            return Invariant($"ElementNames names {elementNames.Count} elements; the last dimension holds {tensor.Shape[^1]}.");
        }

        return null;
    }

    private static string? Value(TensorSpec tensor, double value, bool input)
    {
        if (!input || !tensor.Constant)
        {
            return Invariant($"Value ({value}) is only for Constant inputs.");
        }

        if (tensor.ElementType is "string" or "bool")
        {
            return $"Value cannot fill a {tensor.ElementType} tensor.";
        }

        if (!double.IsFinite(value))
        {
            return Invariant($"Value must be a finite number (got {value}).");
        }

        return tensor.ElementType is not ("float" or "double") && value != Math.Floor(value)
            ? Invariant($"Value must be a whole number for a {tensor.ElementType} tensor (got {value}).")
            : null;
    }
}
