using Sensact.Training.Onnx;

namespace Sensact.Pipelines.Tests.Trajectories;

/// <summary>
/// Writes a one-node ONNX model: <c>next = MatMul(history, W)</c>
/// with a constant 16 x 2 <c>W</c>, so tests have a real ONNX file under the learned predictor's
/// contract without a training stack.
/// </summary>
internal static class TinyOnnxModel
{
    /// <summary>Writes the model to <paramref name="path"/>; <paramref name="weights"/> is 16 x 2, row-major; <paramref name="batch"/> -1 for a symbolic batch dimension.</summary>
    public static void Write(string path, float[] weights, long batch = -1) =>
        File.WriteAllBytes(path, new OnnxGraphWriter("tiny-trajectory-predictor")
            .Node("MatMul", ["history", "W"], ["next"])
            .Initializer("W", [16, 2], weights)
            .Input("history", batch, 16)
            .Output("next", batch, 2)
            .ToModel("sensact-tests"));

    /// <summary>Weights that return the last displacement: a constant-velocity model.</summary>
    public static float[] LastStep()
    {
        var w = new float[32];
        w[(14 * 2) + 0] = 1;
        w[(15 * 2) + 1] = 1;
        return w;
    }

    /// <summary>Writes the card beside the model.</summary>
    public static void WriteCard(string path, double? residualVariance, int inputWidth = 16, long batch = -1)
    {
        var provenance = residualVariance is { } v ? $"{{ \"residualVariance\": {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}" : "{}";
        File.WriteAllText(path, $$"""
            {
              "Labels": [],
              "Inputs": [ { "Name": "history", "ElementType": "float", "Shape": [ {{batch}}, {{inputWidth}} ] } ],
              "Outputs": [ { "Name": "next", "ElementType": "float", "Shape": [ {{batch}}, 2 ] } ],
              "Provenance": {{provenance}}
            }
            """);
    }
}
