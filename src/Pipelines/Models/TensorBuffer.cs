using Microsoft.ML.OnnxRuntime;

namespace Sensact.Pipelines.Models;

/// <summary>
/// One input or output of an <see cref="OnnxModel"/>: a managed array allocated once and the
/// <see cref="OrtValue"/> that ONNX Runtime reads or writes in place, on every run.
/// </summary>
internal sealed class TensorBuffer : IDisposable
{
    private TensorBuffer(TensorSpec spec, Array? data, OrtValue value)
    {
        Spec = spec;
        Data = data;
        Value = value;
    }

    /// <summary>Gets what the card says of the tensor.</summary>
    public TensorSpec Spec { get; }

    /// <summary>Gets the elements ONNX Runtime reads or writes; null for a constant string tensor.</summary>
    public Array? Data { get; }

    /// <summary>Gets the value handed to ONNX Runtime; it points at <see cref="Data"/>.</summary>
    public OrtValue Value { get; }

    /// <summary>
    /// Allocates the buffer for a tensor of the card, in its <see cref="TensorSpec.FedShape"/>: zeros (empty
    /// strings), or the card's <see cref="TensorSpec.Value"/> in every element.
    /// </summary>
    /// <exception cref="NotSupportedException">The card's element type has no buffer here.</exception>
    public static TensorBuffer Create(TensorSpec spec) => Create(spec, spec.FedShape);

    /// <summary>
    /// Allocates the buffer for <paramref name="rows"/> rows of a tensor whose first dimension is the
    /// batch: its <see cref="TensorSpec.FedShape"/> with the first dimension replaced, filled as <see cref="Create(TensorSpec)"/> does.
    /// </summary>
    /// <exception cref="NotSupportedException">The card's element type has no buffer here.</exception>
    /// <exception cref="OverflowException">The buffer would hold more than <see cref="int.MaxValue"/> elements.</exception>
    public static TensorBuffer Batch(TensorSpec spec, int rows)
    {
        var shape = spec.FedShape;
        shape[0] = rows;
        return Create(spec, shape);
    }

    private static TensorBuffer Create(TensorSpec spec, long[] shape)
    {
        var length = checked((int)shape.Aggregate(1L, (count, dimension) => checked(count * dimension)));
        var value = spec.Value ?? 0;
        return spec.ElementType switch
        {
            "float" => Over(spec, Filled(length, (float)value), shape),
            "double" => Over(spec, Filled(length, value), shape),
            "int8" => Over(spec, Filled(length, checked((sbyte)value)), shape),
            "uint8" => Over(spec, Filled(length, checked((byte)value)), shape),
            "int16" => Over(spec, Filled(length, checked((short)value)), shape),
            "uint16" => Over(spec, Filled(length, checked((ushort)value)), shape),
            "int32" => Over(spec, Filled(length, checked((int)value)), shape),
            "uint32" => Over(spec, Filled(length, checked((uint)value)), shape),
            "int64" => Over(spec, Filled(length, checked((long)value)), shape),
            "uint64" => Over(spec, Filled(length, checked((ulong)value)), shape),
            "bool" => Over(spec, new bool[length], shape),
            "string" => new TensorBuffer(spec, null, OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape)),
            _ => throw new NotSupportedException($"Tensor {spec} has an element type that has no buffer."),
        };
    }

    /// <summary>Gets the elements as <typeparamref name="T"/>.</summary>
    /// <param name="name">The name the caller asked for, put on the exception.</param>
    /// <exception cref="ArgumentException">The tensor's elements are not <typeparamref name="T"/>.</exception>
    public T[] As<T>(string name)
        where T : unmanaged =>
        Data as T[] ?? throw new ArgumentException($"Tensor {Spec} holds {Spec.ElementType}, not {typeof(T).Name}.", nameof(name));

    /// <summary>Frees the native value; the managed array stays with the garbage collector.</summary>
    public void Dispose() => Value.Dispose();

    private static T[] Filled<T>(int length, T value)
    {
        var data = new T[length];
        Array.Fill(data, value);
        return data;
    }

    private static TensorBuffer Over<T>(TensorSpec spec, T[] data, long[] shape)
        where T : unmanaged =>
        new(spec, data, OrtValue.CreateTensorValueFromMemory(data, shape));
}
