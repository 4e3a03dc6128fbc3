namespace Sensact.Simulators.SpeakerWatch;

/// <summary>Where the face is drawn, as fractions of the frame's width and height (0 at the left and top).</summary>
/// <param name="Left">The left edge.</param>
/// <param name="Top">The top edge.</param>
/// <param name="Width">The width.</param>
/// <param name="Height">The height.</param>
public readonly record struct FaceBox(double Left, double Top, double Width, double Height);
