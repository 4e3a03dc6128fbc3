using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Exits;

/// <summary>
/// A learned skip gate: an ONNX model whose one float input takes the fast modalities' features
/// followed by the settled confidence (<see cref="SkipGateInput.FusedConfidence"/>), and whose float output's first element is the probability
/// that skipping is safe.
/// </summary>
/// <remarks>
/// The model's card gives the tensors; the input must hold exactly the features plus one. Running
/// the model reuses its bound buffers, so deciding allocates nothing.
/// </remarks>
public sealed class OnnxSkipGate : ISkipGate
{
    private readonly OnnxModel _model;
    private readonly string _input;
    private readonly string _output;

    /// <summary>Initializes a new instance of the <see cref="OnnxSkipGate"/> class.</summary>
    /// <param name="model">The loaded gate model; the gate does not dispose it.</param>
    /// <param name="input">The input tensor's name on the card.</param>
    /// <param name="output">The output tensor's name on the card.</param>
    /// <param name="threshold">The probability at which to skip, in (0, 1].</param>
    /// <param name="minFastUnits">Fast units to encode first; at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException">The card names no such float input or output.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in (0, 1], or <paramref name="minFastUnits"/> is less than 1.</exception>
    public OnnxSkipGate(OnnxModel model, string input, string output, float threshold = 0.5f, int minFastUnits = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        if (!(threshold is > 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The skip threshold must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minFastUnits, 1);
        _ = model.Input(input);
        if (model.Output(output).IsEmpty)
        {
            throw new ArgumentException($"Skip gate model '{model.ModelPath}': output '{output}' is empty.", nameof(output));
        }

        _model = model;
        _input = input;
        _output = output;
        Threshold = threshold;
        MinFastUnits = minFastUnits;
    }

    /// <summary>Gets the probability at which to skip.</summary>
    public float Threshold { get; }

    /// <summary>Gets the fast units to encode first.</summary>
    public int MinFastUnits { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The model's input does not hold the features plus one.</exception>
    public bool ShouldSkip(SkipGateInput input)
    {
        if (input.FastUnits < MinFastUnits)
        {
            return false;
        }

        var features = _model.Input(_input);
        if (features.Length != input.FastFeatures.Length + 1)
        {
            throw new ArgumentException(
                $"Skip gate model '{_model.ModelPath}': input '{_input}' holds {features.Length} values; the pipeline gives {input.FastFeatures.Length} features plus the settled confidence.");
        }

        input.FastFeatures.CopyTo(features);
        features[^1] = input.FusedConfidence;
        _model.Run();
        return _model.Output(_output)[0] >= Threshold;
    }
}
