using Sensact.Training.Onnx;

namespace Sensact.Pipelines.Tests.Exits;

/// <summary>A one-node ONNX model (<c>y = Sigmoid(x)</c>, float [1, n]), so a test has a real model without a file in the repository.</summary>
internal static class TinyOnnx
{
    public static byte[] Sigmoid(string input, string output, int width) =>
        new OnnxGraphWriter("gate")
            .Node("Sigmoid", [input], [output])
            .Input(input, 1, width)
            .Output(output, 1, width)
            .ToModel("sensact-tests");
}
