using Sensact.Training.Onnx;

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
        stream.Write(new OnnxGraphWriter("linear")
            .Node("MatMul", [input, "W"], ["product"])
            .Node("Add", ["product", "b"], [output])
            .Initializer("W", [n, m], flat)
            .Initializer("b", [m], bias)
            .Input(input, -1, n)
            .Output(output, -1, m)
            .ToModel("Sensact.Training", producerVersion));
    }
}
