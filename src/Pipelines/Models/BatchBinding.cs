using Microsoft.ML.OnnxRuntime;

namespace Sensact.Pipelines.Models;

/// <summary>
/// The buffers and binding of an <see cref="OnnxModel"/> for runs over many rows at once: every
/// input and output the card names, allocated with <see cref="Capacity"/> rows in the first (batch)
/// dimension and bound once, so that a run allocates nothing on the managed heap.
/// </summary>
/// <remarks>
/// A run computes all <see cref="Capacity"/> rows; a caller that needs fewer writes and reads the
/// first ones and ignores the rest (they hold whatever an earlier run left there), which is
/// right for models whose rows do not interact.
/// </remarks>
internal sealed class BatchBinding : IDisposable
{
    private readonly Dictionary<string, TensorBuffer> _inputs;
    private readonly Dictionary<string, TensorBuffer> _outputs;

    private BatchBinding(int capacity, OrtIoBinding binding, Dictionary<string, TensorBuffer> inputs, Dictionary<string, TensorBuffer> outputs)
    {
        Capacity = capacity;
        Binding = binding;
        _inputs = inputs;
        _outputs = outputs;
    }

    /// <summary>Gets how many rows a run computes.</summary>
    public int Capacity { get; }

    /// <summary>Gets the binding to run with.</summary>
    public OrtIoBinding Binding { get; }

    /// <summary>Gets whether every tensor the card names has a symbolic first dimension, the batch.</summary>
    public static bool Supports(ModelCard card) =>
        card.Inputs.Concat(card.Outputs).All(spec => spec.Shape is [-1, ..]);

    /// <summary>Allocates and binds the card's tensors with <paramref name="capacity"/> rows.</summary>
    /// <exception cref="OverflowException">A tensor would hold more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refused a binding.</exception>
    public static BatchBinding Create(InferenceSession session, ModelCard card, int capacity)
    {
        var buffers = new List<TensorBuffer>();
        OrtIoBinding? binding = null;
        try
        {
            var inputs = card.Inputs.ToDictionary(spec => spec.Name, Allocate, StringComparer.Ordinal);
            var outputs = card.Outputs.ToDictionary(spec => spec.Name, Allocate, StringComparer.Ordinal);
            binding = session.CreateIoBinding();
            foreach (var buffer in inputs.Values)
            {
                binding.BindInput(buffer.Spec.Name, buffer.Value);
            }

            foreach (var buffer in outputs.Values)
            {
                binding.BindOutput(buffer.Spec.Name, buffer.Value);
            }

            return new BatchBinding(capacity, binding, inputs, outputs);
        }
        catch
        {
            binding?.Dispose();
            buffers.ForEach(b => b.Dispose());
            throw;
        }

        TensorBuffer Allocate(TensorSpec spec)
        {
            var buffer = TensorBuffer.Batch(spec, capacity);
            buffers.Add(buffer);
            return buffer;
        }
    }

    /// <summary>Gets an input's buffer; null: none of that name.</summary>
    public TensorBuffer? Input(string name) => _inputs.GetValueOrDefault(name);

    /// <summary>Gets an output's buffer; null: none of that name.</summary>
    public TensorBuffer? Output(string name) => _outputs.GetValueOrDefault(name);

    /// <summary>Frees the binding and the native values over the buffers.</summary>
    public void Dispose()
    {
        Binding.Dispose();
        foreach (var buffer in _inputs.Values.Concat(_outputs.Values))
        {
            buffer.Dispose();
        }
    }
}
