using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Tensors;
using Sensact.Pipelines.Models;
using static System.FormattableString;

namespace Sensact.Pipelines.Detections.Faces;

/// <summary>
/// Finds faces in one <see cref="ImageFrame"/> with an UltraFace 320 model (<c>version-RFB-320</c> or
/// <c>version-slim-320</c>): the frame is stretched into the model's input, every prior box whose face
/// score reaches <see cref="FaceDetectionOptions.ScoreThreshold"/> is a candidate, and greedy
/// non-maximum suppression keeps the best of overlapping ones. Boxes are fractions of the frame.
/// </summary>
/// <remarks>
/// The frame goes through <see cref="ImageTensorConverter"/> (<see cref="TensorLayout.UltraFace320"/>)
/// straight into the model's input buffer; candidates are sorted in scratch arrays sized once for the
/// model's prior boxes. Detecting allocates nothing once frames of one size have been seen. Not
/// thread-safe: one caller at a time (load one detector per pipeline).
/// </remarks>
public sealed class UltraFaceDetector : IDisposable
{
    /// <summary>The file name of the more accurate shipped variant, in <c>models/ultraface</c>.</summary>
    public const string RfbFileName = "version-RFB-320.onnx";

    /// <summary>The file name of the lighter shipped variant, in <c>models/ultraface</c>.</summary>
    public const string SlimFileName = "version-slim-320.onnx";

    private const string ImageInput = "input";
    private const string ScoresOutput = "scores";
    private const string BoxesOutput = "boxes";

    private readonly OnnxModel _model;
    private readonly ImageTensorConverter _converter = new(TensorLayout.UltraFace320);
    private readonly float _scoreThreshold;
    private readonly float _iouThreshold;
    private readonly int[] _candidates;
    private readonly float[] _order;
    private readonly Detection[] _kept;

    private UltraFaceDetector(OnnxModel model, FaceDetectionOptions options, int priors)
    {
        _model = model;
        _scoreThreshold = options.ScoreThreshold;
        _iouThreshold = options.IouThreshold;
        MaxFaces = options.MaxFaces;
        Priors = priors;
        _candidates = new int[priors];
        _order = new float[priors];
        _kept = new Detection[MaxFaces];
    }

    /// <summary>Gets the model's card.</summary>
    public ModelCard Card => _model.Card;

    /// <summary>Gets the number of prior boxes the model scores (4420 for the 320 variants).</summary>
    public int Priors { get; }

    /// <summary>Gets the most faces one frame reports.</summary>
    public int MaxFaces { get; }

    /// <summary>Loads an UltraFace 320 model and its card, and checks that they fit this decoder.</summary>
    /// <param name="modelPath">The ONNX file.</param>
    /// <param name="detection">The thresholds; UltraFace's own (0.7, IoU 0.3) by default.</param>
    /// <param name="options">How ONNX Runtime runs it; by default one thread, no spinning, on the CPU.</param>
    /// <param name="cardPath">The card; by default the model's path with the extension <c>.json</c>.</param>
    /// <returns>The detector; dispose it to free the model.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="modelPath"/> is null or empty, or <paramref name="detection"/> or <paramref name="options"/> is not valid.
    /// </exception>
    /// <exception cref="ModelLoadException">
    /// The model or card is missing or corrupt, they do not match, or the card does not read input
    /// float [1, 3, 240, 320] and write scores [1, K, 2] and boxes [1, K, 4].
    /// </exception>
    public static UltraFaceDetector Load(string modelPath, FaceDetectionOptions? detection = null, InferenceOptions? options = null, string? cardPath = null)
    {
        detection ??= new FaceDetectionOptions();
        var problems = detection.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid face detection options: {string.Join(" ", problems)}", nameof(detection));
        }

        var model = OnnxModel.Load(modelPath, options, cardPath);
        try
        {
            var card = model.Card;
            var input = card.Input(ImageInput);
            var scores = card.Output(ScoresOutput);
            var boxes = card.Output(BoxesOutput);
            var fits = input is { ElementType: "float", Shape: [1, 3, 240, 320] }
                && scores is { ElementType: "float", Shape: [1, > 0, 2] }
                && boxes is { ElementType: "float", Shape: [1, > 0, 4] }
                && scores.Shape[1] == boxes.Shape[1];
            return fits
                ? new UltraFaceDetector(model, detection, (int)scores!.Shape[1])
                : throw new ModelLoadException(
                    $"Cannot load UltraFace card '{cardPath ?? ModelCard.PathFor(modelPath)}': an UltraFace 320 model reads '{ImageInput}' float [1, 3, 240, 320] and writes '{ScoresOutput}' float [1, K, 2] and '{BoxesOutput}' float [1, K, 4] (got {input?.ToString() ?? "no input"}, {scores?.ToString() ?? "no scores"}, {boxes?.ToString() ?? "no boxes"}).");
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Finds the faces in a frame and writes them, best first, into <paramref name="destination"/>.</summary>
    /// <param name="frame">The image (Rgb24, Gray8 or Yuyv, any size); only read.</param>
    /// <param name="destination">Where the faces go; at most its length (and <see cref="MaxFaces"/>) are written.</param>
    /// <returns>How many faces were written.</returns>
    /// <exception cref="ArgumentException">The frame's format is not one the converter reads.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed, or the frame's pixels released.</exception>
    public int Detect(in ImageFrame frame, Span<Detection> destination)
    {
        _converter.Convert(frame, _model.Input(ImageInput));
        _model.Run();
        return Decode(_model.Output(ScoresOutput), _model.Output(BoxesOutput), destination);
    }

    /// <summary>Finds the faces in a frame and puts them, best first, into a list the caller reuses.</summary>
    /// <param name="frame">The image (Rgb24, Gray8 or Yuyv, any size); only read.</param>
    /// <param name="faces">Cleared, then filled; a list with room for <see cref="MaxFaces"/> does not grow.</param>
    /// <exception cref="ArgumentNullException"><paramref name="faces"/> is null.</exception>
    /// <exception cref="ArgumentException">The frame's format is not one the converter reads.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed, or the frame's pixels released.</exception>
    public void Detect(in ImageFrame frame, List<Detection> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var count = Detect(frame, _kept);
        faces.Clear();
        for (var i = 0; i < count; i++)
        {
            faces.Add(_kept[i]);
        }
    }

    /// <summary>Frees the model's native session and buffers.</summary>
    public void Dispose() => _model.Dispose();

    /// <summary>Keeps the candidates over the threshold, best first, dropping those that overlap a kept one too much.</summary>
    internal int Decode(ReadOnlySpan<float> scores, ReadOnlySpan<float> boxes, Span<Detection> destination)
    {
        if (scores.Length != 2 * Priors || boxes.Length != 4 * Priors)
        {
            throw new ArgumentException(Invariant($"UltraFace writes {Priors} scores of 2 and boxes of 4; found {scores.Length} and {boxes.Length} floats."));
        }

        var count = 0;
        for (var i = 0; i < Priors; i++)
        {
            var face = scores[(2 * i) + 1];
            if (face >= _scoreThreshold)
            {
                _candidates[count] = i;
                _order[count] = -face;
                count++;
            }
        }

        // Ascending by negated score: best first. Span sorts allocate nothing.
        _order.AsSpan(0, count).Sort(_candidates.AsSpan(0, count));
        var limit = Math.Min(destination.Length, MaxFaces);
        var kept = 0;
        for (var c = 0; c < count && kept < limit; c++)
        {
            var candidate = Box(boxes, _candidates[c], -_order[c]);
            if (candidate.Width <= 0 || candidate.Height <= 0)
            {
                continue;
            }

            var overlaps = false;
            for (var k = 0; k < kept && !overlaps; k++)
            {
                overlaps = Iou(candidate, destination[k]) > _iouThreshold;
            }

            if (!overlaps)
            {
                destination[kept++] = candidate;
            }
        }

        return kept;
    }

    private static Detection Box(ReadOnlySpan<float> boxes, int prior, float score)
    {
        var left = Math.Clamp(boxes[4 * prior], 0f, 1f);
        var top = Math.Clamp(boxes[(4 * prior) + 1], 0f, 1f);
        var right = Math.Clamp(boxes[(4 * prior) + 2], 0f, 1f);
        var bottom = Math.Clamp(boxes[(4 * prior) + 3], 0f, 1f);
        return new Detection(left, top, right - left, bottom - top, score);
    }

    private static float Iou(in Detection a, in Detection b)
    {
        var width = Math.Min(a.Left + a.Width, b.Left + b.Width) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Top + a.Height, b.Top + b.Height) - Math.Max(a.Top, b.Top);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = width * height;
        return intersection / ((a.Width * a.Height) + (b.Width * b.Height) - intersection);
    }
}
