using static System.FormattableString;

namespace Sensact.Pipelines.Detections.Faces;

/// <summary>
/// Which of a face detector's candidate boxes are kept: the score threshold and the overlap at which
/// greedy non-maximum suppression drops the weaker of two boxes.
/// </summary>
/// <remarks>Settable so that it binds from configuration; <see cref="Validate"/> reports bad values.</remarks>
public sealed class FaceDetectionOptions
{
    /// <summary>Gets or sets the least face score a box needs to be kept, in (0, 1]; 0.7 by default (UltraFace's own).</summary>
    public float ScoreThreshold { get; set; } = 0.7f;

    /// <summary>
    /// Gets or sets the intersection over union above which a box is dropped for a better one it
    /// overlaps, in [0, 1]; 0.3 by default (UltraFace's own).
    /// </summary>
    public float IouThreshold { get; set; } = 0.3f;

    /// <summary>Gets or sets the most faces reported for one frame, at least 1; 16 by default.</summary>
    public int MaxFaces { get; set; } = 16;

    /// <summary>Checks the values, naming each bad one by its configuration key.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (!(ScoreThreshold is > 0 and <= 1))
        {
            errors.Add(Invariant($"ScoreThreshold must be in (0, 1] (got {ScoreThreshold})."));
        }

        if (!(IouThreshold is >= 0 and <= 1))
        {
            errors.Add(Invariant($"IouThreshold must be in [0, 1] (got {IouThreshold})."));
        }

        if (MaxFaces < 1)
        {
            errors.Add(Invariant($"MaxFaces must be at least 1 (got {MaxFaces})."));
        }

        return errors;
    }
}
