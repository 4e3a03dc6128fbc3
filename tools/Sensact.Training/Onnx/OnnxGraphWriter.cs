using System.Buffers.Binary;
using System.Text;

namespace Sensact.Training.Onnx;

/// <summary>
/// Writes a small ONNX model (a graph of float tensors: nodes, constant initialisers, named inputs
/// and outputs) as protobuf bytes, with field numbers from onnx.proto (ModelProto, GraphProto,
/// NodeProto, TensorProto, ValueInfoProto, TypeProto, TensorShapeProto).
/// </summary>
/// <remarks>
/// For models that are a few operators over weights the project computed itself, where an exporter
/// would add what the contract does not name: the trainer's linear predictor, and the tiny models
/// tests build without a file in the repository. Fields are written in the order added, so the same
/// graph always gives the same bytes. A dimension of -1 is written as the symbolic batch <c>N</c>.
/// </remarks>
internal sealed class OnnxGraphWriter(string name)
{
    private const int Float = 1;
    private readonly Proto _nodes = new();
    private readonly Proto _initializers = new();
    private readonly Proto _inputs = new();
    private readonly Proto _outputs = new();

    /// <summary>Adds a node; its name is its operator in lower case.</summary>
    /// <param name="op">The operator (<c>MatMul</c>, <c>Add</c>, <c>Sigmoid</c>, ...).</param>
    /// <param name="inputs">The tensors it reads.</param>
    /// <param name="outputs">The tensors it writes.</param>
    /// <returns>This writer.</returns>
    public OnnxGraphWriter Node(string op, string[] inputs, string[] outputs)
    {
        var node = new Proto();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var output in outputs)
        {
            node.String(2, output);
        }

        _nodes.Message(1, node.String(3, op.ToLowerInvariant()).String(4, op));
        return this;
    }

    /// <summary>Adds a constant float tensor.</summary>
    /// <param name="tensor">Its name.</param>
    /// <param name="dims">Its shape.</param>
    /// <param name="values">Its values, row-major.</param>
    /// <returns>This writer.</returns>
    public OnnxGraphWriter Initializer(string tensor, int[] dims, ReadOnlySpan<float> values)
    {
        var proto = new Proto();
        foreach (var d in dims)
        {
            proto.Varint(1, (ulong)d);
        }

        var raw = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        _initializers.Message(5, proto.Varint(2, Float).String(8, tensor).Bytes(9, raw));
        return this;
    }

    /// <summary>Adds a float input.</summary>
    /// <param name="tensor">Its name.</param>
    /// <param name="dims">Its shape; -1 for the symbolic batch.</param>
    /// <returns>This writer.</returns>
    public OnnxGraphWriter Input(string tensor, params long[] dims)
    {
        _inputs.Message(11, Value(tensor, dims));
        return this;
    }

    /// <summary>Adds a float output.</summary>
    /// <param name="tensor">Its name.</param>
    /// <param name="dims">Its shape; -1 for the symbolic batch.</param>
    /// <returns>This writer.</returns>
    public OnnxGraphWriter Output(string tensor, params long[] dims)
    {
        _outputs.Message(12, Value(tensor, dims));
        return this;
    }

    /// <summary>Gets the model's bytes.</summary>
    /// <param name="producer">The producer's name.</param>
    /// <param name="producerVersion">The producer's version; none when empty.</param>
    /// <param name="irVersion">The ONNX IR version.</param>
    /// <param name="opset">The default domain's opset.</param>
    /// <returns>The model.</returns>
    public byte[] ToModel(string producer, string producerVersion = "", int irVersion = 7, int opset = 13)
    {
        var graph = new Proto().Append(_nodes).String(2, name).Append(_initializers).Append(_inputs).Append(_outputs);
        var model = new Proto().Varint(1, (ulong)irVersion).String(2, producer);
        if (producerVersion.Length > 0)
        {
            model.String(3, producerVersion);
        }

        return model
            .Message(7, graph)
            .Message(8, new Proto().String(1, string.Empty).Varint(2, (ulong)opset))
            .ToArray();
    }

    private static Proto Value(string tensor, long[] dims)
    {
        var shape = new Proto();
        foreach (var d in dims)
        {
            shape.Message(1, d < 0 ? new Proto().String(2, "N") : new Proto().Varint(1, (ulong)d));
        }

        var tensorType = new Proto().Varint(1, Float).Message(2, shape);
        return new Proto().String(1, tensor).Message(2, new Proto().Message(1, tensorType));
    }

    /// <summary>A protobuf message being written: fields in the order added.</summary>
    private sealed class Proto
    {
        private readonly List<byte> _bytes = [];

        public Proto Varint(int field, ulong value)
        {
            Key(field, 0);
            Raw(value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Bytes(int field, byte[] value)
        {
            Key(field, 2);
            Raw((ulong)value.Length);
            _bytes.AddRange(value);
            return this;
        }

        public Proto Message(int field, Proto value) => Bytes(field, value.ToArray());

        public Proto Append(Proto fields)
        {
            _bytes.AddRange(fields._bytes);
            return this;
        }

        public byte[] ToArray() => [.. _bytes];

        private void Key(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            _bytes.Add((byte)value);
        }
    }
}
