namespace Sensact.Devices.Camera.Tensors;

/// <summary>The order of the colour planes in a model's input tensor.</summary>
public enum ChannelOrder
{
    /// <summary>Red, green, blue (most ONNX vision models, UltraFace).</summary>
    Rgb,

    /// <summary>Blue, green, red (models trained with OpenCV's default order).</summary>
    Bgr,
}
