using static System.FormattableString;

namespace Sensact.Pipelines.Models;

/// <summary>
/// How ONNX Runtime runs a model: threads, spinning and execution provider. Bound from
/// configuration as <c>Apps:{name}:Inference:*</c>.
/// </summary>
/// <remarks>
/// Settable so that it binds from configuration; <see cref="Validate"/> reports bad values.
/// <see cref="OnnxModel.Load"/> reads the values once, when the model is loaded.
/// </remarks>
public sealed class InferenceOptions
{
    /// <summary>The execution provider that runs on the CPU; always available.</summary>
    public const string Cpu = "CPU";

    /// <summary>The CUDA execution provider; needs an ONNX Runtime build with CUDA and an NVIDIA GPU.</summary>
    public const string Cuda = "CUDA";

    /// <summary>Gets or sets how many threads one operator may use; at least 1.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Gets or sets how many operators may run at once; at least 1. More than 1 runs independent
    /// branches of the graph in parallel.
    /// </summary>
    public int InterOpThreads { get; set; } = 1;

    /// <summary>
    /// Gets or sets whether idle ONNX Runtime threads spin waiting for work. Off by default:
    /// spinning burns a small device's CPU between windows.
    /// </summary>
    public bool AllowSpinning { get; set; }

    /// <summary>
    /// Gets or sets the execution provider: <see cref="Cpu"/> (the default) or <see cref="Cuda"/>,
    /// which is appended before the CPU provider; case is ignored.
    /// </summary>
    public string ExecutionProvider { get; set; } = Cpu;

    /// <summary>Gets whether <see cref="ExecutionProvider"/> names CUDA.</summary>
    internal bool UsesCuda => string.Equals(ExecutionProvider, Cuda, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the values, naming each bad one by its configuration key.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (IntraOpThreads < 1)
        {
            errors.Add(Invariant($"IntraOpThreads must be at least 1 (got {IntraOpThreads})."));
        }

        if (InterOpThreads < 1)
        {
            errors.Add(Invariant($"InterOpThreads must be at least 1 (got {InterOpThreads})."));
        }

        if (!string.Equals(ExecutionProvider, Cpu, StringComparison.OrdinalIgnoreCase) && !UsesCuda)
        {
            var got = ExecutionProvider is null ? "null" : $"'{ExecutionProvider}'";
            errors.Add($"ExecutionProvider must be {Cpu} or {Cuda} (got {got}).");
        }

        return errors;
    }

    /// <summary>Names the options, for logs: <c>CPU, 1 intra-op thread(s), 1 inter-op thread(s), no spinning</c>.</summary>
    /// <returns>The options' description.</returns>
    public override string ToString() =>
        Invariant($"{ExecutionProvider}, {IntraOpThreads} intra-op thread(s), {InterOpThreads} inter-op thread(s), {(AllowSpinning ? "spinning" : "no spinning")}");
}
