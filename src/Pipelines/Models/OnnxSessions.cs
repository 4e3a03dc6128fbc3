using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Sensact.Pipelines.Models;

/// <summary>Opens ONNX Runtime sessions with <see cref="InferenceOptions"/> and checks them against their cards.</summary>
internal static class OnnxSessions
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>Opens a session on the model with the options' threads, spinning and provider.</summary>
    /// <exception cref="ModelLoadException">The provider is not in this ONNX Runtime, or the file is not a valid model.</exception>
    public static InferenceSession Open(string modelPath, InferenceOptions options)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = options.InterOpThreads > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,

            // Errors only: older exporters (UltraFace) list their weights as graph inputs, and ONNX
            // Runtime warns once per weight at every load, to the agent's stderr.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        var spinning = options.AllowSpinning ? "1" : "0";
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning);
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", spinning);
        if (options.UsesCuda)
        {
            AppendCuda(sessionOptions, modelPath);
        }

        try
        {
            return new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw Fail(modelPath, $"not a valid ONNX model ({ex.Message}).", ex);
        }
    }

    /// <summary>Checks every tensor the card names against the session's metadata, and that the card names every input.</summary>
    /// <exception cref="ModelLoadException">A tensor is missing or differs; the message names the file, the tensor and what differs.</exception>
    public static void Verify(InferenceSession session, ModelCard card, string modelPath, string cardPath)
    {
        foreach (var name in session.InputMetadata.Keys.Where(name => card.Input(name) is null))
        {
            throw Fail(modelPath, $"the model has input '{name}', which the card '{cardPath}' does not name; every input must be named (mark one the application does not feed as Constant).");
        }

        foreach (var spec in card.Inputs)
        {
            Compare("input", spec, session.InputMetadata, modelPath, cardPath);
        }

        foreach (var spec in card.Outputs)
        {
            Compare("output", spec, session.OutputMetadata, modelPath, cardPath);
        }
    }

    private static void Compare(string kind, TensorSpec spec, IReadOnlyDictionary<string, NodeMetadata> metadata, string modelPath, string cardPath)
    {
        if (!metadata.TryGetValue(spec.Name, out var actual))
        {
            throw Fail(modelPath, $"the card '{cardPath}' names {kind} '{spec.Name}', which the model lacks ({kind}s: {string.Join(", ", metadata.Keys)}).");
        }

        if (!actual.IsTensor)
        {
            throw Fail(modelPath, $"{kind} '{spec.Name}' is a {actual.OnnxValueType}, not a tensor; the card '{cardPath}' says {spec}.");
        }

        var type = ElementTypeName(actual.ElementDataType);
        if (type != spec.ElementType)
        {
            throw Fail(modelPath, $"{kind} '{spec.Name}' has element type {type} in the model; the card '{cardPath}' says {spec.ElementType}.");
        }

        if (!actual.Dimensions.Select(d => (long)d).SequenceEqual(spec.Shape))
        {
            throw Fail(modelPath, $"{kind} '{spec.Name}' has shape [{string.Join(", ", actual.Dimensions)}] in the model; the card '{cardPath}' says [{string.Join(", ", spec.Shape)}] (-1 marks a symbolic dimension).");
        }
    }

    private static void AppendCuda(SessionOptions sessionOptions, string modelPath)
    {
        var available = OrtEnv.Instance().GetAvailableProviders();
        if (!available.Contains(CudaProvider, StringComparer.Ordinal))
        {
            throw Fail(modelPath,
                $"ExecutionProvider is CUDA, but this ONNX Runtime is the CPU-only build (package Microsoft.ML.OnnxRuntime), which lacks the CUDA execution provider (available: {string.Join(", ", available)}). Set ExecutionProvider to CPU.");
        }

        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(0);
        }
        catch (OnnxRuntimeException ex)
        {
            throw Fail(modelPath, $"the CUDA execution provider could not be started ({ex.Message}).", ex);
        }
    }

    private static string ElementTypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float",
        TensorElementType.Double => "double",
        TensorElementType.Int8 => "int8",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Int16 => "int16",
        TensorElementType.UInt16 => "uint16",
        TensorElementType.Int32 => "int32",
        TensorElementType.UInt32 => "uint32",
        TensorElementType.Int64 => "int64",
        TensorElementType.UInt64 => "uint64",
        TensorElementType.Bool => "bool",
        TensorElementType.String => "string",
        _ => type.ToString(),
    };

    private static ModelLoadException Fail(string path, string reason, Exception? inner = null) =>
        new($"Cannot load model '{path}': {reason}", inner);
}
