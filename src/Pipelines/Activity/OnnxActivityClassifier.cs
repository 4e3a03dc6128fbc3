using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Activity;

/// <summary>
/// Runs an activity model exported from ML.NET to ONNX through an <see cref="OnnxModel"/>, whose
/// input and output buffers are reused on every call.
/// </summary>
/// <remarks>
/// Calls are serialized by a lock because the buffers are shared: one window is classified at a
/// time. Create one instance per pipeline when windows must be classified in parallel.
/// </remarks>
public sealed class OnnxActivityClassifier : IActivityClassifier, IDisposable
{
    /// <summary>The file name the shipped model has in its folder.</summary>
    public const string FileName = "activity-classifier.onnx";

    private readonly Lock _gate = new();
    private readonly OnnxModel _model;
    private bool _disposed;

    private OnnxActivityClassifier(OnnxModel model, ActivityModelCard card)
    {
        _model = model;
        Card = card;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => Card.Labels;

    /// <inheritdoc />
    public ActivityModelCard Card { get; }

    /// <summary>Gets the whole card of the model: tensors and provenance as well as the activity part.</summary>
    public ModelCard ModelCard => _model.Card;

    /// <summary>Gets the sample rate the model was trained at, from its card; the sensor must deliver it.</summary>
    public double SampleRateHz => Card.SampleRateHz;

    /// <summary>Loads a model and its card, and checks that the model's inputs and outputs fit the card.</summary>
    /// <param name="modelPath">The ONNX file.</param>
    /// <param name="options">How ONNX Runtime runs it; by default one thread, no spinning, on the CPU.</param>
    /// <param name="cardPath">The card; by default the model's path with the extension <c>.json</c>.</param>
    /// <returns>A classifier; dispose it to free the native session and buffers.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelPath"/> is null or empty, or <paramref name="options"/> is not valid.</exception>
    /// <exception cref="ModelLoadException">
    /// The model or card is missing or corrupt, the card names other features or does not describe an
    /// activity classifier, or the model's inputs and outputs do not match the card.
    /// </exception>
    public static OnnxActivityClassifier Load(string modelPath, InferenceOptions? options = null, string? cardPath = null)
    {
        var model = OnnxModel.Load(modelPath, options, cardPath);
        try
        {
            return new OnnxActivityClassifier(model, ActivityModelCard.From(model.Card, cardPath ?? ModelCard.PathFor(modelPath)));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The classifier has been disposed.</exception>
    public ActivityPrediction Classify(ReadOnlySpan<float> features)
    {
        if (features.Length != ActivityFeatures.Count)
        {
            throw new ArgumentException($"The activity model reads {ActivityFeatures.Count} features; {features.Length} were given.", nameof(features));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            features.CopyTo(_model.Input(ActivityModelCard.FeaturesInput));
            _model.Run();
            var probabilities = _model.Output(ActivityModelCard.ScoreOutput).ToArray();
            var best = 0;
            for (var i = 1; i < probabilities.Length; i++)
            {
                if (probabilities[i] > probabilities[best])
                {
                    best = i;
                }
            }

            return new ActivityPrediction(Labels[best], probabilities[best], probabilities);
        }
    }

    /// <summary>Frees the model's native session and buffers.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _model.Dispose();
        }
    }
}
