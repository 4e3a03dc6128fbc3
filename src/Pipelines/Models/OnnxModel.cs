using Microsoft.ML.OnnxRuntime;

namespace Sensact.Pipelines.Models;

/// <summary>
/// An ONNX model run with ONNX Runtime, checked against its <see cref="ModelCard"/> when it is
/// loaded. Its inputs and outputs are buffers allocated and bound once and reused on every
/// <see cref="Run"/>, which allocates nothing on the managed heap: write the inputs through <see cref="Input{T}"/>, call <see cref="Run"/>,
/// read the outputs through <see cref="Output{T}"/>. A model whose tensors all have a symbolic first
/// dimension can also run many rows at once (<see cref="CanBatch"/>): <see cref="BatchInput{T}"/>,
/// <see cref="RunBatch"/>, <see cref="BatchOutput{T}"/>, on buffers of their own.
/// </summary>
/// <remarks>
/// <see cref="Run"/> is serialised by a lock, but the buffers are shared: one caller at a time
/// should write, run and read (hold a lock of your own around the three), or load one model per
/// pipeline. Inputs the card marks as constant are fed a fixed tensor of zeros (empty strings), or of
/// the card's <see cref="TensorSpec.Value"/>; symbolic dimensions are fed as the card's <see cref="TensorSpec.Feed"/> gives them, else as 1.
/// </remarks>
public sealed partial class OnnxModel : IDisposable
{
    private readonly Lock _gate = new();
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly OrtIoBinding _binding;
    private readonly Dictionary<string, TensorBuffer> _inputs;
    private readonly Dictionary<string, TensorBuffer> _outputs;

    // Index k holds the binding with 2^k rows, made the first time a batch needs it.
    private readonly BatchBinding?[] _batches = new BatchBinding?[MaxBatchLog2 + 1];
    private bool _disposed;

    private const int MaxBatchLog2 = 30;

    private OnnxModel(InferenceSession session, ModelCard card, string path, List<TensorBuffer> inputs, List<TensorBuffer> outputs)
    {
        _session = session;
        Card = card;
        ModelPath = path;
        _inputs = inputs.ToDictionary(b => b.Spec.Name, StringComparer.Ordinal);
        _outputs = outputs.ToDictionary(b => b.Spec.Name, StringComparer.Ordinal);
        _runOptions = new RunOptions();
        CanBatch = BatchBinding.Supports(card);

        // Bound once: a run passes no names, so it allocates nothing on the managed heap.
        _binding = session.CreateIoBinding();
        try
        {
            foreach (var buffer in inputs)
            {
                _binding.BindInput(buffer.Spec.Name, buffer.Value);
            }

            foreach (var buffer in outputs)
            {
                _binding.BindOutput(buffer.Spec.Name, buffer.Value);
            }
        }
        catch
        {
            _binding.Dispose();
            _runOptions.Dispose();
            throw;
        }
    }

    /// <summary>Gets the model's card, checked against the model.</summary>
    public ModelCard Card { get; }

    /// <summary>Gets the model's file.</summary>
    public string ModelPath { get; }

    /// <summary>
    /// Gets whether the model can run many rows at once: every input and output on the card has a
    /// symbolic first dimension (<c>-1</c>), taken as the batch.
    /// </summary>
    public bool CanBatch { get; }

    /// <summary>Loads a model and its card, and checks every tensor the card names against the model.</summary>
    /// <param name="modelPath">The ONNX file.</param>
    /// <param name="options">How ONNX Runtime runs it; by default one thread, no spinning, on the CPU.</param>
    /// <param name="cardPath">The card; by default the model's path with the extension <c>.json</c>.</param>
    /// <returns>The model; dispose it to free the native session and buffers.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelPath"/> is null or empty, or <paramref name="options"/> is not valid.</exception>
    /// <exception cref="ModelLoadException">
    /// The model or card is missing or corrupt, the execution provider is not available, or a tensor
    /// the card names is missing from the model or has another element type or shape; the message
    /// names the file, the tensor and what differs.
    /// </exception>
    public static OnnxModel Load(string modelPath, InferenceOptions? options = null, string? cardPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= new InferenceOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid inference options: {string.Join(" ", problems)}", nameof(options));
        }

        if (!File.Exists(modelPath))
        {
            throw new ModelLoadException($"Cannot load model '{modelPath}': file not found.");
        }

        cardPath ??= ModelCard.PathFor(modelPath);
        var card = ModelCard.Load(cardPath);
        var session = OnnxSessions.Open(modelPath, options);
        var buffers = new List<TensorBuffer>();
        try
        {
            OnnxSessions.Verify(session, card, modelPath, cardPath);
            var inputs = card.Inputs.Select(Allocate).ToList();
            var outputs = card.Outputs.Select(Allocate).ToList();
            return new OnnxModel(session, card, modelPath, inputs, outputs);
        }
        catch
        {
            buffers.ForEach(b => b.Dispose());
            session.Dispose();
            throw;
        }

        TensorBuffer Allocate(TensorSpec spec)
        {
            var buffer = TensorBuffer.Create(spec);
            buffers.Add(buffer);
            return buffer;
        }
    }

    /// <summary>Gets a float input's buffer, to write before <see cref="Run"/>.</summary>
    /// <param name="name">The input's name on the card.</param>
    /// <returns>The buffer, in row-major order; the same memory on every call.</returns>
    /// <exception cref="ArgumentException">The card names no such input, marks it constant, or it does not hold floats.</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    public Span<float> Input(string name) => Input<float>(name);

    /// <summary>Gets an input's buffer, to write before <see cref="Run"/>.</summary>
    /// <typeparam name="T">The input's element type (<c>float</c>, <c>long</c>, ...).</typeparam>
    /// <param name="name">The input's name on the card.</param>
    /// <returns>The buffer, in row-major order; the same memory on every call.</returns>
    /// <exception cref="ArgumentException">The card names no such input, marks it constant, or its elements are not <typeparamref name="T"/>.</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    public Span<T> Input<T>(string name)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_inputs.TryGetValue(name, out var buffer) || buffer.Spec.Constant)
        {
            throw new ArgumentException($"The model '{ModelPath}' has no input '{name}' to write (inputs: {string.Join(", ", _inputs.Values.Where(b => !b.Spec.Constant).Select(b => b.Spec.Name))}).", nameof(name));
        }

        return buffer.As<T>(name);
    }

    /// <summary>Gets a float output's buffer, written by <see cref="Run"/>.</summary>
    /// <param name="name">The output's name on the card.</param>
    /// <returns>The buffer, in row-major order; the same memory on every call.</returns>
    /// <exception cref="ArgumentException">The card names no such output, or it does not hold floats.</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    public ReadOnlySpan<float> Output(string name) => Output<float>(name);

    /// <summary>Gets an output's buffer, written by <see cref="Run"/>.</summary>
    /// <typeparam name="T">The output's element type (<c>float</c>, <c>long</c>, ...).</typeparam>
    /// <param name="name">The output's name on the card.</param>
    /// <returns>The buffer, in row-major order; the same memory on every call.</returns>
    /// <exception cref="ArgumentException">The card names no such output, or its elements are not <typeparamref name="T"/>.</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    public ReadOnlySpan<T> Output<T>(string name)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_outputs.TryGetValue(name, out var buffer))
        {
            throw new ArgumentException($"The model '{ModelPath}' has no output '{name}' on its card (outputs: {string.Join(", ", _outputs.Keys)}).", nameof(name));
        }

        return buffer.As<T>(name);
    }

    /// <summary>Runs the model on the input buffers, writing the output buffers in place.</summary>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed to run the model.</exception>
    public void Run()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _session.RunWithBinding(_runOptions, _binding);
        }
    }

    /// <summary>Frees the native session and the values over the buffers; waits for a run in progress.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var buffer in _inputs.Values.Concat(_outputs.Values))
            {
                buffer.Dispose();
            }

            foreach (var batch in _batches)
            {
                batch?.Dispose();
            }

            _binding.Dispose();
            _runOptions.Dispose();
            _session.Dispose();
        }
    }
}
