using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Sensact.Pipelines.Activity;

/// <summary>
/// Runs an activity model exported from ML.NET to ONNX with ONNX Runtime, on one thread and without
/// spinning, reusing its input and output buffers on every call.
/// </summary>
/// <remarks>
/// Calls are serialized by a lock because the buffers are shared: one window is classified at a
/// time. Create one instance per pipeline when windows must be classified in parallel.
/// </remarks>
public sealed class OnnxActivityClassifier : IActivityClassifier, IDisposable
{
    /// <summary>The file name a model has in its folder.</summary>
    public const string FileName = "activity-classifier.onnx";

    private const string FeaturesInput = "Features";
    private const string ScoreOutput = "Score.output";

    private readonly Lock _gate = new();
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly float[] _features;
    private readonly float[] _scores;
    private readonly OrtValue[] _inputValues;
    private readonly string[] _inputNames;
    private readonly OrtValue[] _outputValues;
    private readonly string[] _outputNames = [ScoreOutput];
    private bool _disposed;

    private OnnxActivityClassifier(InferenceSession session, ActivityModelCard card, string modelPath)
    {
        _session = session;
        Card = card;
        Labels = card.Labels;
        _features = new float[ActivityFeatures.Count];
        _scores = new float[card.Labels.Count];
        var inputs = new List<(string Name, OrtValue Value)>();
        try
        {
            inputs.Add((FeaturesInput, OrtValue.CreateTensorValueFromMemory(_features, [1, _features.Length])));

            // ML.NET's export keeps the training label as a required input; it is fed a fixed dummy.
            foreach (var (name, metadata) in session.InputMetadata.Where(i => i.Key != FeaturesInput))
            {
                inputs.Add((name, CreateDummy(modelPath, name, metadata)));
            }

            _inputNames = inputs.Select(i => i.Name).ToArray();
            _inputValues = inputs.Select(i => i.Value).ToArray();
            _outputValues = [OrtValue.CreateTensorValueFromMemory(_scores, [1, _scores.Length])];
            _runOptions = new RunOptions();
        }
        catch
        {
            foreach (var (_, value) in inputs)
            {
                value.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public ActivityModelCard Card { get; }

    /// <summary>Loads a model and its card, and checks that the model's inputs and outputs fit the card.</summary>
    /// <param name="modelPath">The ONNX file.</param>
    /// <param name="cardPath">The card; by default the model's path with the extension <c>.json</c>.</param>
    /// <returns>A classifier; dispose it to free the native session and buffers.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelPath"/> is null or empty.</exception>
    /// <exception cref="ModelLoadException">
    /// The model or card is missing or corrupt, the card names other features, or the model's inputs
    /// and outputs do not match the card.
    /// </exception>
    public static OnnxActivityClassifier Load(string modelPath, string? cardPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (!File.Exists(modelPath))
        {
            throw Fail(modelPath, "file not found.");
        }

        var card = ActivityModelCard.Load(cardPath ?? Path.ChangeExtension(modelPath, ".json"));

        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        InferenceSession session;
        try
        {
            // Spinning threads burn a small device's CPU between windows.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
            session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw Fail(modelPath, $"not a valid ONNX model ({ex.Message}).", ex);
        }
        finally
        {
            options.Dispose();
        }

        try
        {
            Verify(session, card, modelPath);
            return new OnnxActivityClassifier(session, card, modelPath);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The classifier has been disposed.</exception>
    public ActivityPrediction Classify(ReadOnlySpan<float> features)
    {
        if (features.Length != _features.Length)
        {
            throw new ArgumentException($"The activity model reads {_features.Length} features; {features.Length} were given.", nameof(features));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            features.CopyTo(_features);
            _session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);
            var probabilities = (float[])_scores.Clone();
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

    /// <summary>Frees the native session and the pinned buffers.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var value in _inputValues.Concat(_outputValues))
            {
                value.Dispose();
            }

            _runOptions.Dispose();
            _session.Dispose();
        }
    }

    private static void Verify(InferenceSession session, ActivityModelCard card, string modelPath)
    {
        if (!session.InputMetadata.TryGetValue(FeaturesInput, out var features))
        {
            throw Fail(modelPath, $"the model has no input '{FeaturesInput}' (inputs: {string.Join(", ", session.InputMetadata.Keys)}).");
        }

        if (features.ElementDataType != TensorElementType.Float || !FitsRow(features.Dimensions, ActivityFeatures.Count))
        {
            throw Fail(modelPath, $"input '{FeaturesInput}' is {Describe(features)}; expected float [1, {ActivityFeatures.Count}].");
        }

        if (!session.OutputMetadata.TryGetValue(ScoreOutput, out var score))
        {
            throw Fail(modelPath, $"the model has no output '{ScoreOutput}' (outputs: {string.Join(", ", session.OutputMetadata.Keys)}).");
        }

        if (score.ElementDataType != TensorElementType.Float || !FitsRow(score.Dimensions, card.Labels.Count))
        {
            throw Fail(modelPath, $"output '{ScoreOutput}' is {Describe(score)}; expected float [1, {card.Labels.Count}] for the card's labels ({string.Join(", ", card.Labels)}).");
        }
    }

    // A row is [n] or [batch, n] where the batch dimension may be symbolic (-1).
    private static bool FitsRow(int[] dimensions, int length) =>
        dimensions.Length switch
        {
            1 => dimensions[0] == length,
            2 => dimensions[0] is -1 or 1 && dimensions[1] == length,
            _ => false,
        };

    private static string Describe(NodeMetadata metadata) =>
        $"{metadata.ElementDataType} [{string.Join(", ", metadata.Dimensions)}]";

    private static OrtValue CreateDummy(string modelPath, string name, NodeMetadata metadata)
    {
        var shape = metadata.Dimensions.Select(d => d < 1 ? 1L : d).ToArray();
        var length = (int)shape.Aggregate(1L, (a, b) => a * b);
        return metadata.ElementDataType switch
        {
            TensorElementType.String => OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape),
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(new float[length], shape),
            TensorElementType.Double => OrtValue.CreateTensorValueFromMemory(new double[length], shape),
            TensorElementType.UInt32 => OrtValue.CreateTensorValueFromMemory(new uint[length], shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(new int[length], shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(new long[length], shape),
            TensorElementType.UInt64 => OrtValue.CreateTensorValueFromMemory(new ulong[length], shape),
            TensorElementType.Bool => OrtValue.CreateTensorValueFromMemory(new bool[length], shape),
            _ => throw Fail(modelPath, $"input '{name}' has type {Describe(metadata)}, which this classifier cannot feed."),
        };
    }

    private static ModelLoadException Fail(string path, string reason, Exception? inner = null) =>
        new($"Cannot load activity model '{path}': {reason}", inner);
}
