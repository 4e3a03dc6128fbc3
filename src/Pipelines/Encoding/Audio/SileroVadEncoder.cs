using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Pipelines.Models;
using static System.FormattableString;

namespace Sensact.Pipelines.Encoding.Audio;

/// <summary>
/// Silero VAD as a unit encoder: one unit is one audio period of <see cref="UnitSamples"/> samples at
/// <see cref="SampleRate"/> Hz, mono; its score <c>speech</c> is the model's probability that the
/// period holds speech.
/// </summary>
/// <remarks>
/// The model is recurrent: it reads the last <see cref="ContextSamples"/> samples of the previous unit
/// before the new ones, and its state output is fed back on the next unit. Both live in the model's
/// own input buffers (<see cref="OnnxModel"/>) and are carried from unit to unit until
/// <see cref="ResetState"/> zeros them. <see cref="Encode"/> copies 512 samples in, runs the model
/// and copies 64 + 256 floats back: nothing is allocated.
/// </remarks>
public sealed class SileroVadEncoder : IUnitEncoder<AudioChunk>
{
    /// <summary>The file name the shipped model has in its folder (<c>models/silero-vad</c>).</summary>
    public const string FileName = "silero_vad.onnx";

    /// <summary>The sample rate the model reads.</summary>
    public const int SampleRate = 16000;

    /// <summary>The new samples in one unit.</summary>
    public const int UnitSamples = 512;

    /// <summary>The samples of the previous unit the model reads before the new ones.</summary>
    public const int ContextSamples = 64;

    /// <summary>The name of the score <see cref="Encode"/> writes.</summary>
    public const string SpeechScore = "speech";

    private const string AudioInput = "input";
    private const string StateInput = "state";
    private const string ProbabilityOutput = "output";
    private const string StateOutput = "stateN";
    private const int StateLength = 2 * 128;

    private readonly OnnxModel _model;

    private SileroVadEncoder(OnnxModel model, EncoderReset reset)
    {
        _model = model;
        Reset = reset;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Scores { get; } = [SpeechScore];

    /// <inheritdoc />
    /// <remarks>One period of <see cref="UnitSamples"/> samples is one unit.</remarks>
    public int FramesPerUnit => 1;

    /// <inheritdoc />
    public EncoderReset Reset { get; }

    /// <summary>Gets the model's card.</summary>
    public ModelCard Card => _model.Card;

    /// <summary>Loads the model and its card and checks that they describe Silero VAD at 16 kHz.</summary>
    /// <param name="modelPath">The ONNX file (<c>models/silero-vad/silero_vad.onnx</c>).</param>
    /// <param name="options">How ONNX Runtime runs it; by default one thread, no spinning, on the CPU.</param>
    /// <param name="reset">Where the stage resets the state; by default when the stream starts again.</param>
    /// <param name="cardPath">The card; by default the model's path with the extension <c>.json</c>.</param>
    /// <returns>The encoder; dispose it to free the model.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelPath"/> is null or empty, or <paramref name="options"/> is not valid.</exception>
    /// <exception cref="ModelLoadException">
    /// The model or card is missing or corrupt, they do not match, or the card does not feed
    /// <c>input</c> [1, 576], <c>state</c> [2, 1, 128] and <c>sr</c> 16000 with outputs <c>output</c> and <c>stateN</c>.
    /// </exception>
    public static SileroVadEncoder Load(string modelPath, InferenceOptions? options = null, EncoderReset reset = EncoderReset.Stream, string? cardPath = null)
    {
        var model = OnnxModel.Load(modelPath, options, cardPath);
        try
        {
            var problem = Problem(model);
            return problem is null
                ? new SileroVadEncoder(model, reset)
                : throw new ModelLoadException($"Cannot load Silero VAD card '{cardPath ?? ModelCard.PathFor(modelPath)}': {problem}");
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void ResetState()
    {
        _model.Input(AudioInput).Clear();
        _model.Input(StateInput).Clear();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The unit is not one frame of <see cref="UnitSamples"/> mono samples at <see cref="SampleRate"/> Hz,
    /// or <paramref name="scores"/> has no room; the message names what was expected and found.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The encoder has been disposed, or the chunk's buffer released.</exception>
    public void Encode(ReadOnlySpan<Frame<AudioChunk>> unit, Span<float> scores)
    {
        if (unit.Length != FramesPerUnit)
        {
            throw new ArgumentException(Invariant($"A Silero VAD unit is {FramesPerUnit} audio period; found {unit.Length}."), nameof(unit));
        }

        if (scores.Length < 1)
        {
            throw new ArgumentException("Silero VAD writes 1 score ('speech'); the destination holds none.", nameof(scores));
        }

        var chunk = unit[0].Payload;
        if (chunk.SampleRate != SampleRate || chunk.Channels != 1 || chunk.FrameCount != UnitSamples || chunk.Samples.Length != UnitSamples)
        {
            throw new ArgumentException(
                Invariant($"Silero VAD reads periods of {UnitSamples} samples at {SampleRate} Hz, mono; found {chunk.FrameCount} frames at {chunk.SampleRate} Hz, {chunk.Channels} channel(s) from '{unit[0].SourceId}'."),
                nameof(unit));
        }

        var input = _model.Input(AudioInput);
        chunk.Samples.Span.CopyTo(input[ContextSamples..]);
        _model.Run();
        scores[0] = _model.Output(ProbabilityOutput)[0];

        // The next unit reads this one's last samples as context, and the state the model returned.
        input.Slice(UnitSamples, ContextSamples).CopyTo(input);
        _model.Output(StateOutput).CopyTo(_model.Input(StateInput));
    }

    /// <summary>Frees the model's native session and buffers.</summary>
    public void Dispose() => _model.Dispose();

    private static string? Problem(OnnxModel model)
    {
        if (model.Card.SampleRateHz is not SampleRate)
        {
            return Invariant($"SampleRateHz must be {SampleRate} (got {model.Card.SampleRateHz}).");
        }

        var sr = model.Card.Input("sr");
        if (sr is null || !sr.Constant || sr.Value is not SampleRate)
        {
            return Invariant($"input 'sr' must be Constant with Value {SampleRate} (got {sr?.ToString() ?? "none"}, Value {sr?.Value}).");
        }

        return Length(model, AudioInput, ContextSamples + UnitSamples, input: true)
            ?? Length(model, StateInput, StateLength, input: true)
            ?? Length(model, ProbabilityOutput, 1, input: false)
            ?? Length(model, StateOutput, StateLength, input: false);
    }

    private static string? Length(OnnxModel model, string name, int expected, bool input)
    {
        var spec = input ? model.Card.Input(name) : model.Card.Output(name);
        if (spec is null || spec.ElementType != "float" || spec.Constant)
        {
            return $"{(input ? "input" : "output")} '{name}' must be a fed float tensor (got {spec?.ToString() ?? "none"}).";
        }

        return spec.ElementCount == expected
            ? null
            : Invariant($"{(input ? "input" : "output")} '{name}' must be fed {expected} floats (the card's Feed gives {spec.ElementCount}: [{string.Join(", ", spec.FedShape)}]).");
    }
}
