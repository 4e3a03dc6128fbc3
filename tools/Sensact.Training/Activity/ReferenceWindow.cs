namespace Sensact.Training.Activity;

/// <summary>
/// A held-out window with what ONNX Runtime made of it, stored in <c>reference-windows.json</c> so
/// tests can check that the shipped model still gives the same answers.
/// </summary>
/// <param name="Recording">The recording the window was cut from.</param>
/// <param name="Start">The index of its first reading.</param>
/// <param name="Label">The true activity.</param>
/// <param name="Predicted">The activity ONNX Runtime chose.</param>
/// <param name="Samples">The readings as <c>[x, y, z]</c> in milli-g.</param>
/// <param name="Probabilities">The probabilities ONNX Runtime gave, in the card's label order.</param>
internal sealed record ReferenceWindow(string Recording, int Start, string Label, string Predicted, float[][] Samples, float[] Probabilities);
