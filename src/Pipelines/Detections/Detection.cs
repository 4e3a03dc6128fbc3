namespace Sensact.Pipelines.Detections;

/// <summary>
/// One object a detector found in one frame: a box with a score, or a point (a box of no size).
/// </summary>
/// <remarks>
/// Coordinates are in whatever units the source uses: fractions of the frame for a camera detector
/// (UltraFace), metres or pixels for other sources. <see cref="CenterX"/> and <see cref="CenterY"/>
/// are what a tracker follows.
/// </remarks>
/// <param name="Left">The box's left edge.</param>
/// <param name="Top">The box's top edge.</param>
/// <param name="Width">The box's width; 0 for a point.</param>
/// <param name="Height">The box's height; 0 for a point.</param>
/// <param name="Score">The detector's confidence, in [0, 1]; 1 for a source without one.</param>
public readonly record struct Detection(float Left, float Top, float Width, float Height, float Score)
{
    /// <summary>Gets the centre's horizontal coordinate.</summary>
    public float CenterX => Left + (Width / 2);

    /// <summary>Gets the centre's vertical coordinate.</summary>
    public float CenterY => Top + (Height / 2);

    /// <summary>Makes a point detection.</summary>
    /// <param name="x">The horizontal coordinate.</param>
    /// <param name="y">The vertical coordinate.</param>
    /// <param name="score">The confidence.</param>
    /// <returns>A box of no size at (x, y).</returns>
    public static Detection Point(float x, float y, float score = 1f) => new(x, y, 0, 0, score);
}
