using System.Buffers.Binary;
using System.Text;

namespace Sensact.Training.Trajectories;

/// <summary>
/// Writes a linear map as an ONNX model: <c>output = input · W + b</c> (MatMul, Add; opset 13), one
/// named input float [-1, n] and one named output float [-1, m], encoded as protobuf by hand.
/// </summary>
/// <remarks>
/// The learned predictor's contract names one input and one output; ML.NET's exporter would keep the
/// two label columns as required inputs, suffix the outputs with <c>.output</c> and give each
/// regressor an output of its own. A linear model is two small tensors, so the graph is written here:
/// deterministic bytes for deterministic weights.
/// </remarks>
internal static class LinearOnnxWriter
{
    private const int Float = 1;

    /// <summary>Writes the model.</summary>
    /// <param name="stream">Where the bytes go.</param>
    /// <param name="input">The input's name.</param>
    /// <param name="output">The output's name.</param>
    /// <param name="weights">W, row-major [n, m].</param>
    /// <param name="bias">b, [m].</param>
    /// <param name="producerVersion">The producer's version string.</param>
    public static void Write(Stream stream, string input, string output, float[,] weights, float[] bias, string producerVersion)
    {
        var (n, m) = (weights.GetLength(0), weights.GetLength(1));
        var flat = new float[n * m];
        Buffer.BlockCopy(weights, 0, flat, 0, flat.Length * sizeof(float));
        var graph = new Proto()
            .Message(1, Node("MatMul", [input, "W"], ["product"]))
            .Message(1, Node("Add", ["product", "b"], [output]))
            .String(2, "linear")
            .Message(5, Tensor("W", [n, m], flat))
            .Message(5, Tensor("b", [m], bias))
            .Message(11, Value(input, n))
            .Message(12, Value(output, m));
        var model = new Proto()
            .Varint(1, 7)
            .String(2, "Sensact.Training")
            .String(3, producerVersion)
            .Message(7, graph)
            .Message(8, new Proto().String(1, string.Empty).Varint(2, 13));
        stream.Write(model.ToArray());
    }

    private static Proto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new Proto();
        foreach (var i in inputs)
        {
            node.String(1, i);
        }

        foreach (var o in outputs)
        {
            node.String(2, o);
        }

        return node.String(3, op.ToLowerInvariant()).String(4, op);
    }

    private static Proto Tensor(string name, int[] dims, float[] values)
    {
        var tensor = new Proto();
        foreach (var d in dims)
        {
            tensor.Varint(1, (ulong)d);
        }

        var raw = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        return tensor.Varint(2, Float).String(8, name).Bytes(9, raw);
    }

    // ValueInfoProto of a float [N, columns] tensor (N symbolic).
    private static Proto Value(string name, int columns)
    {
        var shape = new Proto()
            .Message(1, new Proto().String(2, "N"))
            .Message(1, new Proto().Varint(1, (ulong)columns));
        var tensorType = new Proto().Varint(1, Float).Message(2, shape);
        return new Proto().String(1, name).Message(2, new Proto().Message(1, tensorType));
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

        public byte[] ToArray() => _bytes.ToArray();

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
