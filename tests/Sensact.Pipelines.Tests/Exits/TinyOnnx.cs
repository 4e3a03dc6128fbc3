namespace Sensact.Pipelines.Tests.Exits;

/// <summary>
/// Writes a one-node ONNX model (<c>y = Sigmoid(x)</c>, float [1, n]) as protobuf bytes, so a test
/// has a real model without a file in the repository. Field numbers from onnx.proto (ModelProto,
/// GraphProto, NodeProto, ValueInfoProto, TypeProto, TensorShapeProto).
/// </summary>
internal static class TinyOnnx
{
    public static byte[] Sigmoid(string input, string output, int width)
    {
        var node = Concat(Text(1, input), Text(2, output), Text(4, "Sigmoid"));
        var graph = Concat(
            Message(1, node),
            Text(2, "gate"),
            Message(11, ValueInfo(input, width)),
            Message(12, ValueInfo(output, width)));
        var opset = Concat(Text(1, string.Empty), Varint(2, 13));
        return Concat(Varint(1, 8), Text(2, "sensact-tests"), Message(7, graph), Message(8, opset));
    }

    private static byte[] ValueInfo(string name, int width)
    {
        var shape = Concat(Message(1, Varint(1, 1)), Message(1, Varint(1, width)));
        var tensor = Concat(Varint(1, 1), Message(2, shape)); // elem_type 1 = float
        return Concat(Text(1, name), Message(2, Message(1, tensor)));
    }

    private static byte[] Varint(int field, long value) => Concat(Key(field, 0), Raw((ulong)value));

    private static byte[] Text(int field, string value) => Message(field, System.Text.Encoding.UTF8.GetBytes(value));

    private static byte[] Message(int field, byte[] body) => Concat(Key(field, 2), Raw((ulong)body.Length), body);

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

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
