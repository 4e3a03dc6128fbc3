using Sensact.Devices;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Detections.Faces;
using Sensact.Pipelines.Models;
using static System.FormattableString;

namespace Sensact.Pipelines.Encoding.Vision;

/// <summary>
/// UltraFace as a unit encoder: one unit is one camera frame; its score <c>face</c> is the score of the
/// best face the <see cref="UltraFaceDetector"/> keeps, 0 when it keeps none.
/// </summary>
/// <remarks>
/// Stateless: <see cref="ResetState"/> does nothing. The score is 0 or at least the detector's score
/// threshold (0.7 by default), so a window's aggregation sees "no face" as a clear 0.
/// </remarks>
public sealed class UltraFaceEncoder : IUnitEncoder<ImageFrame>
{
    /// <summary>The name of the score <see cref="Encode"/> writes.</summary>
    public const string FaceScore = "face";

    private readonly Detection[] _best = new Detection[1];

    /// <summary>Creates an encoder over a detector, which it then owns (and disposes).</summary>
    /// <param name="detector">The detector.</param>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> is null.</exception>
    public UltraFaceEncoder(UltraFaceDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        Detector = detector;
    }

    /// <summary>Gets the detector the encoder runs.</summary>
    public UltraFaceDetector Detector { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Scores { get; } = [FaceScore];

    /// <inheritdoc />
    public int FramesPerUnit => 1;

    /// <inheritdoc />
    /// <remarks>The encoder keeps no state; <see cref="EncoderReset.Window"/> says so.</remarks>
    public EncoderReset Reset => EncoderReset.Window;

    /// <summary>Loads an UltraFace 320 model as an encoder.</summary>
    /// <param name="modelPath">The ONNX file (<c>models/ultraface/version-RFB-320.onnx</c> or <c>version-slim-320.onnx</c>).</param>
    /// <param name="detection">The thresholds; UltraFace's own by default.</param>
    /// <param name="options">How ONNX Runtime runs it.</param>
    /// <returns>The encoder; dispose it to free the model.</returns>
    /// <exception cref="ArgumentException">A path or option is not valid.</exception>
    /// <exception cref="ModelLoadException">The model or card is missing, corrupt or not an UltraFace 320 model.</exception>
    public static UltraFaceEncoder Load(string modelPath, FaceDetectionOptions? detection = null, InferenceOptions? options = null) =>
        new(UltraFaceDetector.Load(modelPath, detection, options));

    /// <inheritdoc />
    public void ResetState()
    {
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The unit is not one frame, its format is not one the converter reads, or <paramref name="scores"/> has no room.</exception>
    /// <exception cref="ObjectDisposedException">The encoder has been disposed, or the frame's pixels released.</exception>
    public void Encode(ReadOnlySpan<Frame<ImageFrame>> unit, Span<float> scores)
    {
        if (unit.Length != FramesPerUnit)
        {
            throw new ArgumentException(Invariant($"An UltraFace unit is {FramesPerUnit} camera frame; found {unit.Length}."), nameof(unit));
        }

        if (scores.Length < 1)
        {
            throw new ArgumentException("UltraFace writes 1 score ('face'); the destination holds none.", nameof(scores));
        }

        scores[0] = Detector.Detect(unit[0].Payload, _best) > 0 ? _best[0].Score : 0f;
    }

    /// <summary>Frees the detector's model.</summary>
    public void Dispose() => Detector.Dispose();
}
