using System.Numerics;
using Microsoft.ML.OnnxRuntime;

namespace Sensact.Pipelines.Models;

// Runs over many rows at once, on buffers of their own (one set per power of two rows); see the remarks in OnnxModel.cs.
public sealed partial class OnnxModel
{
    /// <summary>Gets the first <paramref name="rows"/> rows of a float input's batch buffer, to write before <see cref="RunBatch"/>.</summary>
    /// <param name="name">The input's name on the card.</param>
    /// <param name="rows">How many rows the run will read.</param>
    /// <returns>The rows, in row-major order; the same memory on every call with a batch of the same size class.</returns>
    /// <inheritdoc cref="BatchInput{T}(string, int)" path="/exception"/>
    public Span<float> BatchInput(string name, int rows) => BatchInput<float>(name, rows);

    /// <summary>
    /// Gets the first <paramref name="rows"/> rows of an input's batch buffer, to write before
    /// <see cref="RunBatch"/>. A batch runs on buffers of its own (not <see cref="Input{T}"/>'s), with
    /// room for the next power of two rows; the first batch of each power of two allocates and binds
    /// them, later ones allocate nothing. Constant inputs hold their fixed value in every row.
    /// </summary>
    /// <typeparam name="T">The input's element type (<c>float</c>, <c>long</c>, ...).</typeparam>
    /// <param name="name">The input's name on the card.</param>
    /// <param name="rows">How many rows the run will read.</param>
    /// <returns>The rows, in row-major order; the same memory on every call with a batch of the same size class.</returns>
    /// <exception cref="ArgumentException">The card names no such input, marks it constant, or its elements are not <typeparamref name="T"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is below 1, or the buffers would be too large.</exception>
    /// <exception cref="InvalidOperationException">The model cannot run batches (<see cref="CanBatch"/> is false).</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    public Span<T> BatchInput<T>(string name, int rows)
        where T : unmanaged
    {
        var batch = Batch(rows);
        if (batch.Input(name) is not { Spec.Constant: false } buffer)
        {
            throw new ArgumentException($"The model '{ModelPath}' has no input '{name}' to write (inputs: {string.Join(", ", _inputs.Values.Where(b => !b.Spec.Constant).Select(b => b.Spec.Name))}).", nameof(name));
        }

        var data = buffer.As<T>(name);
        return data.AsSpan(0, data.Length / batch.Capacity * rows);
    }

    /// <summary>Gets the first <paramref name="rows"/> rows of a float output's batch buffer, written by <see cref="RunBatch"/>.</summary>
    /// <param name="name">The output's name on the card.</param>
    /// <param name="rows">How many rows the run computed.</param>
    /// <returns>The rows, in row-major order.</returns>
    /// <inheritdoc cref="BatchOutput{T}(string, int)" path="/exception"/>
    public ReadOnlySpan<float> BatchOutput(string name, int rows) => BatchOutput<float>(name, rows);

    /// <summary>Gets the first <paramref name="rows"/> rows of an output's batch buffer, written by <see cref="RunBatch"/>.</summary>
    /// <typeparam name="T">The output's element type (<c>float</c>, <c>long</c>, ...).</typeparam>
    /// <param name="name">The output's name on the card.</param>
    /// <param name="rows">How many rows the run computed.</param>
    /// <returns>The rows, in row-major order.</returns>
    /// <exception cref="ArgumentException">The card names no such output, or its elements are not <typeparamref name="T"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is below 1, or the buffers would be too large.</exception>
    /// <exception cref="InvalidOperationException">The model cannot run batches (<see cref="CanBatch"/> is false).</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    public ReadOnlySpan<T> BatchOutput<T>(string name, int rows)
        where T : unmanaged
    {
        var batch = Batch(rows);
        var buffer = batch.Output(name) ?? throw new ArgumentException($"The model '{ModelPath}' has no output '{name}' on its card (outputs: {string.Join(", ", _outputs.Keys)}).", nameof(name));
        var data = buffer.As<T>(name);
        return data.AsSpan(0, data.Length / batch.Capacity * rows);
    }

    /// <summary>
    /// Runs the model on the batch input buffers of <paramref name="rows"/> rows, writing the batch
    /// output buffers in place. Rows past <paramref name="rows"/> up to the buffers' size are computed too and
    /// ignored, so the model's rows must not interact (true of models that map each row on its own).
    /// </summary>
    /// <param name="rows">How many rows to compute; the same as given to <see cref="BatchInput{T}"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is below 1, or the buffers would be too large.</exception>
    /// <exception cref="InvalidOperationException">The model cannot run batches (<see cref="CanBatch"/> is false).</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed to run the model.</exception>
    public void RunBatch(int rows)
    {
        lock (_gate)
        {
            _session.RunWithBinding(_runOptions, BatchLocked(rows).Binding);
        }
    }

    private BatchBinding Batch(int rows)
    {
        lock (_gate)
        {
            return BatchLocked(rows);
        }
    }

    private BatchBinding BatchLocked(int rows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 1 << MaxBatchLog2);
        if (!CanBatch)
        {
            throw new InvalidOperationException($"The model '{ModelPath}' cannot run batches: its card has a tensor whose first dimension is not symbolic (-1) ({string.Join(", ", Card.Inputs.Concat(Card.Outputs).Where(s => s.Shape is not [-1, ..]))}).");
        }

        var log2 = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)rows));
        if (_batches[log2] is { } batch)
        {
            return batch;
        }

        try
        {
            return _batches[log2] = BatchBinding.Create(_session, Card, 1 << log2);
        }
        catch (OverflowException ex)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A batch of {rows} rows needs buffers of more than {int.MaxValue} elements ({ex.Message}).");
        }
    }
}
