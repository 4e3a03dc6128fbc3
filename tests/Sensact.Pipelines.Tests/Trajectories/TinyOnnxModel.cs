using System.Text;

namespace Sensact.Pipelines.Tests.Trajectories;

/// <summary>
/// Writes a one-node ONNX model by hand (protobuf wire format): <c>next = MatMul(history, W)</c>
/// with a constant 16 x 2 <c>W</c>, so tests have a real ONNX file under the learned predictor's
/// contract without a training stack.
/// </summary>
internal static class TinyOnnxModel
{
    /// <summary>Writes the model to <paramref name="path"/>; <paramref name="weights"/> is 16 x 2, row-major.</summary>
    public static void Write(string path, float[] weights)
    {
        var weightTensor = Message(
            Varint(1, 16), Varint(1, 2), // dims
            Varint(2, 1), // FLOAT
            Bytes(8, "W"u8.ToArray()),
            Bytes(9, [.. weights.SelectMany(BitConverter.GetBytes)])); // raw_data, little-endian
        var node = Message(Text(1, "history"), Text(1, "W"), Text(2, "next"), Text(3, "matmul"), Text(4, "MatMul"));
        var graph = Message(
            Bytes(1, node),
            Text(2, "tiny-trajectory-predictor"),
            Bytes(5, weightTensor),
            Bytes(11, ValueInfo("history", 16)),
            Bytes(12, ValueInfo("next", 2)));
        var model = Message(
            Varint(1, 8), // ir_version
            Text(2, "sensact-tests"),
            Bytes(7, graph),
            Bytes(8, Message(Text(1, ""), Varint(2, 13)))); // opset 13
        File.WriteAllBytes(path, model);
    }

    /// <summary>Weights that return the last displacement: a constant-velocity model.</summary>
    public static float[] LastStep()
    {
        var w = new float[32];
        w[(14 * 2) + 0] = 1;
        w[(15 * 2) + 1] = 1;
        return w;
    }

    /// <summary>Writes the card beside the model.</summary>
    public static void WriteCard(string path, double? residualVariance, int inputWidth = 16)
    {
        var provenance = residualVariance is { } v ? $"{{ \"residualVariance\": {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}" : "{}";
        File.WriteAllText(path, $$"""
            {
              "Labels": [],
              "Inputs": [ { "Name": "history", "ElementType": "float", "Shape": [ -1, {{inputWidth}} ] } ],
              "Outputs": [ { "Name": "next", "ElementType": "float", "Shape": [ -1, 2 ] } ],
              "Provenance": {{provenance}}
            }
            """);
    }

    private static byte[] ValueInfo(string name, int width)
    {
        var shape = Message(Bytes(1, Message(Text(2, "batch"))), Bytes(1, Message(Varint(1, width))));
        var tensorType = Message(Varint(1, 1), Bytes(2, shape));
        return Message(Text(1, name), Bytes(2, Message(Bytes(1, tensorType))));
    }

    private static byte[] Message(params byte[][] fields) => [.. fields.SelectMany(f => f)];

    private static byte[] Text(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value) => [.. Key(field, 2), .. Raw((ulong)value.Length), .. value];

    private static byte[] Varint(int field, long value) => [.. Key(field, 0), .. Raw((ulong)value)];

    private static byte[] Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private static byte[] Raw(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
